package dev.spillway.sql.calcite;

import dev.spillway.plan.Catalog;
import dev.spillway.sql.parse.BoundTables;
import dev.spillway.sql.translate.OutputNames;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * Parses, validates and converts one query with Calcite, configured to read SQL as DuckDB does: unquoted
 * and quoted identifiers keep their case and match case-insensitively, {@code "x"} quotes identifiers,
 * {@code x::type} casts, NULLs sort last in both directions, and plain {@code DECIMAL} is DECIMAL(18,3).
 *
 * <p>Calcite's optimizer is not used: Spillway has its own. Sub-queries are left in the relational tree
 * ({@code expand = false}) for the translator, which turns them into Spillway joins. Calcite's metadata
 * (used to derive planner traits) is switched off: see {@link NoMetadataHandlerProvider}.
 */
public final class CalciteQueryPlanner {
    static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(false)
            .withConformance(DuckDbConformance.INSTANCE);

    private static final SqlValidator.Config VALIDATOR_CONFIG = SqlValidator.Config.DEFAULT
            .withConformance(DuckDbConformance.INSTANCE)
            .withDefaultNullCollation(NullCollation.LAST)
            .withIdentifierExpansion(true)
            .withTypeCoercionEnabled(true)
            .withTypeCoercionFactory(DuckDbTypeCoercion::new);

    private static final SqlToRelConverter.Config CONVERTER_CONFIG = SqlToRelConverter.config()
            .withExpand(false)
            .withDecorrelationEnabled(false)
            .withTrimUnusedFields(false)
            .withInSubQueryThreshold(Integer.MAX_VALUE)
            .withRemoveSortInSubQuery(true)
            // No expression simplification: it would rebuild user casts (which must stay, see ImplicitCast), and
            // simplifying is the job of Spillway's optimizer.
            .withRelBuilderConfigTransform(builder -> builder.withSimplify(false));

    private static final CalciteConnectionConfigImpl CONNECTION_CONFIG;

    static {
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        CONNECTION_CONFIG = new CalciteConnectionConfigImpl(properties);
    }

    private CalciteQueryPlanner() {}

    /** A converted query with what the translator needs besides the relational tree. */
    public record ConvertedQuery(RelRoot root, SqlNode validated, List<SqlNode> selectList) {}

    /**
     * Converts {@code sql} (already rewritten by the dialect rewriter) into Calcite's relational algebra.
     *
     * @throws SqlParseException for syntax errors
     */
    public static ConvertedQuery convert(String sql, Catalog catalog, BoundTables boundTables) throws SqlParseException {
        SqlNode parsed = SqlParser.create(sql, PARSER_CONFIG).parseQuery();
        ByAllExpander.expand(parsed);
        List<SqlNode> selectList = OutputNames.capture(parsed);
        parsed = InListRewriter.rewrite(parsed);

        SqlTypeFactoryImpl typeFactory = new SqlTypeFactoryImpl(SpillwayTypeSystem.INSTANCE);
        CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", new CatalogSchema(catalog, boundTables));
        CalciteCatalogReader catalogReader = new CalciteCatalogReader(root, List.of(), typeFactory, CONNECTION_CONFIG);
        SqlValidator validator = SqlValidatorUtil.newValidator(SpillwayOperatorTable.instance(), catalogReader, typeFactory, VALIDATOR_CONFIG);
        SqlNode validated = validator.validate(parsed);

        RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()), new CoercionMarkingRexBuilder(typeFactory));
        cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(NoMetadataHandlerProvider.INSTANCE));
        SqlToRelConverter converter = new SqlToRelConverter(
                (rowType, queryString, schemaPath, viewPath) -> {
                    throw new UnsupportedOperationException("Calcite views are not used");
                },
                validator, catalogReader, cluster, SpillwayConvertletTable.INSTANCE, CONVERTER_CONFIG);
        RelRoot relRoot = converter.convertQuery(validated, false, true);
        return new ConvertedQuery(relRoot, validated, selectList);
    }
}
