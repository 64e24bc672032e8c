package dev.spillway.sql.slt;

import dev.spillway.data.ValueFormatter;
import dev.spillway.types.DataType;
import dev.spillway.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A query result as the golden files show it: a type letter per column and rows of text cells. Values are
 * written as Spillway's (and DuckDB's) CSV writer writes them: doubles in shortest round-trip form, decimals
 * with their scale, dates and timestamps ISO; NULL is {@code NULL} and the empty string {@code (empty)}, as
 * in DuckDB's sqllogictest.
 *
 * @param types I for integer columns, R for double and decimal, T for the rest
 * @param doubleColumns which columns hold floating-point values, compared with a tolerance
 */
record SltResult(String types, boolean[] doubleColumns, List<List<String>> rows) {
    /** Relative difference allowed between doubles: sums of doubles depend on the order of additions. */
    static final double RELATIVE_TOLERANCE = 1e-9;

    static SltResult of(List<DataType> types, List<List<Object>> rows) {
        StringBuilder letters = new StringBuilder();
        boolean[] doubles = new boolean[types.size()];
        for (int i = 0; i < types.size(); i++) {
            letters.append(letter(types.get(i)));
            doubles[i] = types.get(i).id() == TypeId.DOUBLE;
        }
        return new SltResult(letters.toString(), doubles, cells(rows));
    }

    /** From DuckDB's type names ({@code INTEGER}, {@code DECIMAL(15,2)}, {@code HUGEINT}, ...). */
    static SltResult ofDuckDb(List<String> typeNames, List<List<Object>> rows) {
        StringBuilder letters = new StringBuilder();
        boolean[] doubles = new boolean[typeNames.size()];
        for (int i = 0; i < typeNames.size(); i++) {
            String type = typeNames.get(i).toUpperCase(Locale.ROOT);
            doubles[i] = type.equals("DOUBLE") || type.equals("FLOAT");
            letters.append(switch (type) {
                case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT" -> 'I';
                case "FLOAT", "DOUBLE" -> 'R';
                default -> type.startsWith("DECIMAL") ? 'R' : 'T';
            });
        }
        return new SltResult(letters.toString(), doubles, cells(rows));
    }

    static char letter(DataType type) {
        return switch (type.id()) {
            case INTEGER, BIGINT -> 'I';
            case DOUBLE, DECIMAL -> 'R';
            case NULL, BOOLEAN, VARCHAR, DATE, TIMESTAMP, INTERVAL -> 'T';
        };
    }

    static String cell(Object value) {
        if (value instanceof String text) {
            return text.isEmpty() ? "(empty)" : text;
        }
        return ValueFormatter.format(value);
    }

    private static List<List<String>> cells(List<List<Object>> rows) {
        List<List<String>> cells = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            cells.add(row.stream().map(SltResult::cell).toList());
        }
        return cells;
    }

    /** The lines to compare with a record's expected block. */
    List<String> lines(SortMode sortMode) {
        return switch (sortMode) {
            case NOSORT -> rows.stream().map(row -> String.join("\t", row)).toList();
            case ROWSORT -> rows.stream().map(row -> String.join("\t", row)).sorted().toList();
            case VALUESORT -> rows.stream().flatMap(List::stream).sorted().toList();
        };
    }

    /**
     * Whether these lines equal the expected ones, doubles within {@link #RELATIVE_TOLERANCE} (in value-sorted
     * results, any cell that reads as a number on both sides).
     */
    boolean matches(List<String> expected, SortMode sortMode) {
        List<String> actual = lines(sortMode);
        if (actual.equals(expected)) {
            return true;
        }
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            String[] actualCells = actual.get(i).split("\t", -1);
            String[] expectedCells = expected.get(i).split("\t", -1);
            if (actualCells.length != expectedCells.length) {
                return false;
            }
            for (int c = 0; c < actualCells.length; c++) {
                boolean doubleColumn = sortMode == SortMode.VALUESORT || (c < doubleColumns.length && doubleColumns[c]);
                if (!actualCells[c].equals(expectedCells[c]) && !(doubleColumn && closeDoubles(actualCells[c], expectedCells[c]))) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean closeDoubles(String a, String b) {
        Double x = parseDouble(a);
        Double y = parseDouble(b);
        if (x == null || y == null) {
            return false;
        }
        return closeDoubles(x, y);
    }

    static boolean closeDoubles(double x, double y) {
        if (x == y || Double.isNaN(x) && Double.isNaN(y)) {
            return true;
        }
        return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
    }

    private static Double parseDouble(String text) {
        return switch (text) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
        };
    }
}
