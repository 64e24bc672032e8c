package dev.spillway.sql.calcite;

import dev.spillway.expr.Expr;
import dev.spillway.expr.Function;
import dev.spillway.expr.Literal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The functions SQL can call: Calcite's standard operators (arithmetic, comparisons, CASE, CAST, the standard
 * aggregates, UPPER, SUBSTRING, ...) after the DuckDB functions Calcite lacks, which are typed by Spillway
 * (see {@link SpillwayFunction}). Whether a function can actually run is decided by the translator, which
 * rejects operators that have no Spillway equivalent with a clear message.
 */
public final class SpillwayOperatorTable {
    /** {@code x IN (constants)}, rewritten so by {@link InListRewriter}. */
    static final SpillwayFunction IN_LIST = new SpillwayFunction("$IN_LIST", Function.IN);

    private static final SqlOperatorTable INSTANCE = SqlOperatorTables.chain(duckDbFunctions(), SqlStdOperatorTable.instance());

    private SpillwayOperatorTable() {}

    public static SqlOperatorTable instance() {
        return INSTANCE;
    }

    private static SqlOperatorTable duckDbFunctions() {
        List<SqlOperator> operators = new ArrayList<>();
        for (String name : List.of("LENGTH", "LEN", "STRLEN")) {
            operators.add(new SpillwayFunction(name, Function.LENGTH));
        }
        operators.add(new SpillwayFunction("STARTS_WITH", Function.STARTS_WITH));
        operators.add(new SpillwayFunction("PREFIX", Function.STARTS_WITH));
        operators.add(new SpillwayFunction("CONTAINS", Function.CONTAINS));
        operators.add(new SpillwayFunction("CONCAT", Function.CONCAT));
        operators.add(new SpillwayFunction("LTRIM", Function.LTRIM));
        operators.add(new SpillwayFunction("RTRIM", Function.RTRIM));
        operators.add(new SpillwayFunction("SUBSTR", Function.SUBSTRING));
        operators.add(new SpillwayFunction("POW", Function.POWER));
        operators.add(new SpillwayFunction("IFNULL", Function.COALESCE));
        operators.add(new SpillwayFunction("DATE_TRUNC", Function.DATE_TRUNC));
        operators.add(new SpillwayFunction("DATETRUNC", Function.DATE_TRUNC));
        operators.add(new SpillwayFunction("DATE_PART", Function.EXTRACT));
        operators.add(new SpillwayFunction("DATEPART", Function.EXTRACT));
        // Calcite has YEAR, MONTH, ... already (as EXTRACT); DuckDB's DAY is missing.
        operators.add(new SpillwayFunction("DAY", Function.EXTRACT, args -> withFirst(Literal.of("day"), args)));
        // Operators Babel's parser produces that are not in the standard table.
        operators.add(SqlLibraryOperators.ILIKE);
        operators.add(SqlLibraryOperators.NOT_ILIKE);
        operators.add(SqlLibraryOperators.INFIX_CAST);
        // Spillway's own markers, found again when Calcite re-derives the type of a call holding one.
        operators.add(IN_LIST);
        operators.add(TypeDisguise.DAYS_AS_INTERVAL);
        operators.add(TypeDisguise.DATE_AS_NUMBER);
        operators.add(SqlLibraryOperators.BOOL_AND);
        operators.add(SqlLibraryOperators.BOOL_OR);
        return new ByName(operators);
    }

    /**
     * Finds functions by name alone. Calcite's own tables also match the function category the parser
     * guessed, and Babel's parser guesses categories for names it knows from other dialects ({@code
     * DATE_TRUNC} is a BigQuery time function), which would hide DuckDB's function of the same name.
     */
    private static final class ByName implements SqlOperatorTable {
        private final Map<String, SqlOperator> operators = new HashMap<>();

        ByName(List<SqlOperator> operators) {
            for (SqlOperator operator : operators) {
                this.operators.put(operator.getName().toUpperCase(Locale.ROOT), operator);
            }
        }

        @Override
        public void lookupOperatorOverloads(SqlIdentifier name, SqlFunctionCategory category, SqlSyntax syntax,
                List<SqlOperator> found, SqlNameMatcher nameMatcher) {
            if (!name.isSimple()) {
                return;
            }
            SqlOperator operator = operators.get(name.getSimple().toUpperCase(Locale.ROOT));
            boolean function = syntax == SqlSyntax.FUNCTION || syntax == SqlSyntax.FUNCTION_STAR;
            if (operator != null && (function ? operator instanceof SqlFunction : operator.getSyntax() == syntax)) {
                found.add(operator);
            }
        }

        @Override
        public List<SqlOperator> getOperatorList() {
            return List.copyOf(operators.values());
        }
    }

    private static List<Expr> withFirst(Expr first, List<Expr> args) {
        List<Expr> all = new ArrayList<>(args.size() + 1);
        all.add(first);
        all.addAll(args);
        return all;
    }
}
