package dev.spillway.sql.differential;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares Spillway's rows with DuckDB's: as multisets, then (for a query that orders) the sequence of sort
 * keys, so that rows tied on the sort keys may come in any order. Doubles are equal within a relative
 * 1e-9 (sums depend on the order of additions; -0.0 equals 0.0); decimals, strings, dates, timestamps and
 * booleans must be equal exactly; NULL equals NULL.
 */
final class ResultComparison {
    static final double RELATIVE_TOLERANCE = 1e-9;
    private static final int SHOWN_ROWS = 15;

    private ResultComparison() {}

    /**
     * Null when the rows agree, else a description of the first difference.
     *
     * @param sortKeys output columns the query orders by (every column when the keys are expressions), or
     *     null when the query does not order its result
     */
    static String difference(List<List<Object>> expected, List<List<Object>> actual, List<Integer> sortKeys) {
        if (expected.size() != actual.size()) {
            return "DuckDB gives " + expected.size() + " rows, Spillway " + actual.size() + "\n" + sample(expected, actual);
        }
        List<List<Object>> sortedExpected = canonical(expected);
        List<List<Object>> sortedActual = canonical(actual);
        for (int i = 0; i < sortedExpected.size(); i++) {
            if (!rowsEqual(sortedExpected.get(i), sortedActual.get(i))) {
                return "rows differ (both sorted): DuckDB " + format(sortedExpected.get(i)) + ", Spillway " + format(sortedActual.get(i))
                        + "\n" + sample(expected, actual);
            }
        }
        if (sortKeys != null) {
            for (int i = 0; i < expected.size(); i++) {
                if (!rowsEqual(keys(expected.get(i), sortKeys), keys(actual.get(i), sortKeys))) {
                    return "order differs at row " + i + " (sort keys, columns " + sortKeys + "): DuckDB " + format(expected.get(i))
                            + ", Spillway " + format(actual.get(i)) + "\n" + sample(expected, actual);
                }
            }
        }
        return null;
    }

    private static List<Object> keys(List<Object> row, List<Integer> sortKeys) {
        List<Object> keys = new ArrayList<>(sortKeys.size());
        for (int column : sortKeys) {
            keys.add(row.get(column));
        }
        return keys;
    }

    static boolean rowsEqual(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!valuesEqual(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean valuesEqual(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue() || x.isNaN() && y.isNaN()
                    || Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (isIntegral(a) && isIntegral(b)) {
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
        return a.equals(b);
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    /** Rows sorted by a total order that agrees with {@link #valuesEqual} on exact values (-0.0 sorts as 0.0). */
    private static List<List<Object>> canonical(List<List<Object>> rows) {
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort(ROW_ORDER);
        return sorted;
    }

    private static final Comparator<Object> VALUE_ORDER = (a, b) -> {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (a instanceof BigDecimal || b instanceof BigDecimal) {
                return toBigDecimal(x).compareTo(toBigDecimal(y));
            }
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            if (Double.isNaN(dx) || Double.isNaN(dy)) {
                return Boolean.compare(Double.isNaN(dx), Double.isNaN(dy)); // NaN last, as DuckDB sorts it
            }
            return dx < dy ? -1 : dx > dy ? 1 : 0;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        @SuppressWarnings("unchecked")
        Comparable<Object> comparable = (Comparable<Object>) a;
        return comparable.compareTo(b);
    };

    private static BigDecimal toBigDecimal(Number number) {
        return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    }

    private static final Comparator<List<Object>> ROW_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = VALUE_ORDER.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private static String sample(List<List<Object>> expected, List<List<Object>> actual) {
        return "DuckDB (first " + SHOWN_ROWS + "):\n" + rows(expected) + "\nSpillway (first " + SHOWN_ROWS + "):\n" + rows(actual);
    }

    private static String rows(List<List<Object>> rows) {
        return rows.stream().limit(SHOWN_ROWS).map(row -> "  " + format(row)).collect(Collectors.joining("\n"));
    }

    static String format(List<Object> row) {
        return row.stream().map(value -> value instanceof String s ? "'" + s + "'" : String.valueOf(value)).collect(Collectors.joining(", ", "(", ")"));
    }
}
