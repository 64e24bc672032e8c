package dev.spillway.sql.parse;

/**
 * Quoted identifiers the dialect rewriter writes where DuckDB syntax has no Calcite equivalent; the Calcite
 * layer replaces them in the parsed tree, where the select list they depend on is known.
 */
public final class DialectMarkers {
    /** Stands for DuckDB's {@code GROUP BY ALL}: group by every select item without an aggregate. */
    public static final String GROUP_BY_ALL = "$group_by_all";
    /** Stands for DuckDB's {@code ORDER BY ALL}: order by every select item, left to right. */
    public static final String ORDER_BY_ALL = "$order_by_all";

    private DialectMarkers() {}
}
