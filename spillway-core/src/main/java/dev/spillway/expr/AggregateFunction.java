package dev.spillway.expr;

import java.util.Locale;

/** Built-in aggregate functions. */
public enum AggregateFunction {
    COUNT_STAR, COUNT, SUM, AVG, MIN, MAX, STDDEV_SAMP, VAR_SAMP, STDDEV_POP, VAR_POP, ANY_VALUE, BOOL_AND, BOOL_OR;

    public String sqlName() {
        return this == COUNT_STAR ? "count_star" : name().toLowerCase(Locale.ROOT);
    }

    /** Aggregates whose result ignores duplicate inputs, so DISTINCT changes nothing. */
    public boolean isDuplicateInsensitive() {
        return this == MIN || this == MAX || this == ANY_VALUE || this == BOOL_AND || this == BOOL_OR;
    }
}
