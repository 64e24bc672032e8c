package dev.spillway.io.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Column names as DuckDB makes them: header values trimmed of spaces, empty ones replaced by a generated name,
 * repeats made unique case-insensitively by a numeric suffix ({@code a, a_1, a_2}); without a header
 * {@code column0, column1, ...}, zero-padded to the width of the largest index ({@code column00} ... when there
 * are more than ten columns).
 */
final class ColumnNames {
    private ColumnNames() {}

    static String generated(int index, int columnCount) {
        String digits = Integer.toString(index);
        int width = Integer.toString(Math.max(0, columnCount - 1)).length();
        return "column" + "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    static List<String> generated(int columnCount) {
        List<String> names = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++) {
            names.add(generated(i, columnCount));
        }
        return names;
    }

    /** Names from header values ({@code null} for a missing or NULL value). */
    static List<String> fromHeader(List<String> values, int columnCount) {
        List<String> names = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++) {
            String value = i < values.size() ? values.get(i) : null;
            String name = value == null ? "" : value.strip();
            names.add(name.isEmpty() ? generated(i, columnCount) : name);
        }
        return unique(names);
    }

    /** Makes names unique, ignoring case: a later repeat of {@code x} becomes {@code x_1}, then {@code x_2}. */
    static List<String> unique(List<String> names) {
        Map<String, Integer> suffixes = new HashMap<>();
        List<String> result = new ArrayList<>(names.size());
        for (String name : names) {
            String candidate = name;
            while (suffixes.containsKey(key(candidate))) {
                int next = suffixes.merge(key(candidate), 1, Integer::sum);
                candidate = candidate + "_" + next;
            }
            suffixes.put(key(candidate), 0);
            result.add(candidate);
        }
        return result;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
