package dev.spillway.bench.compare;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compares an engine's answer with the reference engine's under the rules of the package description.
 *
 * <p>Algorithm: check the shape (columns, rows); for unordered queries sort both sides with one comparator
 * that looks at exact columns before floating-point ones, so that rows whose doubles differ in the last
 * bits still land at the same position; then compare row by row and collect up to
 * {@link #MAX_DIFFERENCES} differences.
 */
public final class ResultComparator {
    /** Relative tolerance for DOUBLE values: well above summation-order noise, far below any real error. */
    public static final double RELATIVE_TOLERANCE = 1e-9;
    /** Differences below this are equal whatever the magnitude (e.g. a sum that is 0 in one engine, 1e-17 in the other). */
    public static final double ABSOLUTE_TOLERANCE = 1e-12;
    static final int MAX_DIFFERENCES = 5;

    private ResultComparator() {}

    /**
     * @param ordered whether row order is part of the answer (the query has a top-level ORDER BY)
     */
    public static Comparison compare(CapturedResult expected, CapturedResult actual, boolean ordered) {
        List<String> differences = new ArrayList<>();
        if (expected.columns().size() != actual.columns().size()) {
            differences.add("expected " + expected.columns().size() + " columns " + expected.columns() + ", got "
                    + actual.columns().size() + " " + actual.columns());
            return new Comparison(differences);
        }
        if (expected.rows().size() != actual.rows().size()) {
            differences.add("expected " + expected.rows().size() + " rows, got " + actual.rows().size());
        }
        List<List<Object>> left = expected.rows();
        List<List<Object>> right = actual.rows();
        if (!ordered) {
            Comparator<List<Object>> rowOrder = rowOrder(expected.columns().size(), left, right);
            left = left.stream().sorted(rowOrder).toList();
            right = right.stream().sorted(rowOrder).toList();
        }
        int rows = Math.min(left.size(), right.size());
        for (int r = 0; r < rows && differences.size() < MAX_DIFFERENCES; r++) {
            for (int c = 0; c < expected.columns().size(); c++) {
                Object want = left.get(r).get(c);
                Object got = right.get(r).get(c);
                if (!valuesEqual(want, got)) {
                    differences.add((ordered ? "row " : "sorted row ") + (r + 1) + ", column " + expected.columns().get(c)
                            + ": expected " + describe(want) + ", got " + describe(got));
                    break;
                }
            }
        }
        return new Comparison(differences);
    }

    /** Equality under the tolerance rules; public for tests and for callers checking single values. */
    public static boolean valuesEqual(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Number a && actual instanceof Number b) {
            if (isFloating(a) || isFloating(b)) {
                return doublesClose(a.doubleValue(), b.doubleValue());
            }
            return exact(a).compareTo(exact(b)) == 0;
        }
        return expected.equals(actual);
    }

    static boolean doublesClose(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
            return Double.compare(a, b) == 0;
        }
        double difference = Math.abs(a - b);
        return difference <= ABSOLUTE_TOLERANCE || difference <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /** Exact columns first, then floating-point ones; within each, column order; NULLs first. */
    private static Comparator<List<Object>> rowOrder(int columns, List<List<Object>> left, List<List<Object>> right) {
        List<Integer> order = new ArrayList<>();
        List<Integer> floating = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            (hasFloating(left, c) || hasFloating(right, c) ? floating : order).add(c);
        }
        order.addAll(floating);
        return (a, b) -> {
            for (int c : order) {
                int result = compareValues(a.get(c), b.get(c));
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        };
    }

    private static boolean hasFloating(List<List<Object>> rows, int column) {
        for (List<Object> row : rows) {
            if (row.get(column) instanceof Number number && isFloating(number)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return isFloating(x) || isFloating(y) ? Double.compare(x.doubleValue(), y.doubleValue()) : exact(x).compareTo(exact(y));
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable comparable) {
            return comparable.compareTo(b);
        }
        // Different kinds of value in one column: any fixed order will do, the values differ anyway.
        return a.getClass().getName().compareTo(b.getClass().getName());
    }

    private static boolean isFloating(Number number) {
        return number instanceof Double || number instanceof Float;
    }

    private static BigDecimal exact(Number number) {
        return switch (number) {
            case BigDecimal decimal -> decimal;
            case BigInteger integer -> new BigDecimal(integer);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            default -> new BigDecimal(number.toString());
        };
    }

    private static String describe(Object value) {
        if (value == null) {
            return "NULL";
        }
        String text = value instanceof String ? "'" + value + "'" : value.toString();
        return text + " (" + value.getClass().getSimpleName() + ")";
    }
}
