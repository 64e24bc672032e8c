package dev.spillway.sql;

import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.plan.Catalog;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.sql.calcite.CalciteQueryPlanner;
import dev.spillway.sql.calcite.SqlPositionedException;
import dev.spillway.sql.parse.BoundTables;
import dev.spillway.sql.parse.DialectRewriter;
import dev.spillway.sql.parse.TextRewrite;
import dev.spillway.sql.parse.Token;
import dev.spillway.sql.translate.OutputNames;
import dev.spillway.sql.translate.RelTranslator;
import java.util.List;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Compiles the query part of a statement into a logical plan:
 *
 * <pre>
 *   text ──DialectRewriter──► Calcite SQL (+ tables bound through the catalog)
 *        ──CalciteQueryPlanner──► parsed, validated, converted RelNode tree
 *        ──RelTranslator──► Spillway LogicalPlan (DuckDB types) ──► DuckDB-style output names
 * </pre>
 *
 * Errors from every stage come out as one-line user errors positioned in the user's text.
 */
final class QueryCompiler {
    private QueryCompiler() {}

    /**
     * @param rewrite the statement, with edits already made outside the query (a blanked {@code CREATE VIEW v AS})
     * @param queryTokens the query's tokens (of {@code rewrite.original()})
     */
    static LogicalPlan compile(TextRewrite rewrite, List<Token> queryTokens, Catalog catalog) {
        BoundTables bound = new BoundTables();
        DialectRewriter.rewrite(queryTokens, rewrite, catalog, bound);
        try {
            CalciteQueryPlanner.ConvertedQuery converted = CalciteQueryPlanner.convert(rewrite.text(), catalog, bound);
            RelRoot root = converted.root();
            LogicalPlan plan = RelTranslator.translate(root.project());
            List<String> names = OutputNames.of(converted.selectList(), converted.validated(), root.validatedRowType.getFieldNames());
            return PlanRenamer.rename(plan, names);
        } catch (SqlParseException e) {
            throw SqlErrors.parse(e, rewrite);
        } catch (CalciteContextException e) {
            throw SqlErrors.validation(e, rewrite);
        } catch (SqlPositionedException e) {
            throw SqlErrors.positioned(e, rewrite);
        } catch (SpillwayException e) {
            throw e;
        } catch (RuntimeException | AssertionError e) {
            SqlPositionedException positioned = causeOfType(e, SqlPositionedException.class);
            if (positioned != null) {
                throw SqlErrors.positioned(positioned, rewrite);
            }
            CalciteContextException context = causeOfType(e, CalciteContextException.class);
            if (context != null) {
                throw SqlErrors.validation(context, rewrite);
            }
            SpillwayException spillway = causeOfType(e, SpillwayException.class);
            if (spillway != null) {
                throw spillway;
            }
            throw new SpillwayException(ErrorKind.INTERNAL, "internal error while planning the query: " + e, e);
        }
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
