package dev.spillway.plan;

import static java.util.Objects.requireNonNull;

import dev.spillway.expr.Expr;

/** One ORDER BY key. DuckDB's default is ascending with NULLs last. */
public record SortKey(Expr expr, boolean ascending, boolean nullsFirst) {
    public SortKey {
        requireNonNull(expr, "expr is null");
    }

    public static SortKey ascending(Expr expr) {
        return new SortKey(expr, true, false);
    }

    public SortKey withExpr(Expr newExpr) {
        return new SortKey(newExpr, ascending, nullsFirst);
    }

    @Override
    public String toString() {
        return expr + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
