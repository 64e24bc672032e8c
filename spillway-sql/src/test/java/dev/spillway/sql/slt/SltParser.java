package dev.spillway.sql.slt;

import dev.spillway.sql.testing.KnownBug;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the subset of DuckDB's sqllogictest format that Spillway's golden files use.
 *
 * <pre>
 * # a comment; "# duckdb-differs: reason" or "# known-bug: NAME" directly above a record annotate it
 * statement ok
 * CREATE VIEW v AS SELECT 1 AS a
 *
 * statement error table "nope" not found        (or: statement error, the SQL, ----, the message)
 * SELECT * FROM nope
 *
 * query IT rowsort                               (types: one letter per column; nosort by default)
 * SELECT a, 'x' FROM v
 * ----
 * 1	x
 *
 * file __TEST_DIR__/data.csv                     (the lines up to the next blank line, as a file)
 * a,b
 * 1,2
 *
 * parquet __TEST_DIR__/data.parquet              (the query's rows, as a Parquet file)
 * SELECT 1 AS a
 * </pre>
 *
 * Records end at a blank line; expected values are tab-separated.
 */
final class SltParser {
    private final String fileName;
    private final List<String> lines;
    private int index;

    private SltParser(String fileName, List<String> lines) {
        this.fileName = fileName;
        this.lines = lines;
    }

    static List<SltRecord> parse(String fileName, String text) {
        return new SltParser(fileName, Arrays.asList(text.split("\n", -1))).records();
    }

    private List<SltRecord> records() {
        List<SltRecord> records = new ArrayList<>();
        String duckDbDiffers = null;
        KnownBug knownBug = null;
        while (index < lines.size()) {
            String line = lines.get(index).strip();
            if (line.isEmpty()) {
                duckDbDiffers = null;
                knownBug = null;
                index++;
                continue;
            }
            if (line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.startsWith("duckdb-differs:")) {
                    duckDbDiffers = comment.substring("duckdb-differs:".length()).strip();
                    if (duckDbDiffers.isEmpty()) {
                        throw error("# duckdb-differs: needs a reason");
                    }
                } else if (comment.startsWith("known-bug:")) {
                    knownBug = knownBug(comment.substring("known-bug:".length()).strip());
                }
                index++;
                continue;
            }
            records.add(record(line, new Annotations(duckDbDiffers, knownBug)));
            duckDbDiffers = null;
            knownBug = null;
        }
        return records;
    }

    private SltRecord record(String header, Annotations annotations) {
        int headerIndex = index;
        int line = index + 1;
        String[] words = header.split("\\s+", 3);
        index++;
        switch (words[0]) {
            case "statement" -> {
                if (words.length < 2 || !(words[1].equals("ok") || words[1].equals("error"))) {
                    throw headerError(line, "expected 'statement ok' or 'statement error [message]'");
                }
                String sql = block(true);
                if (words[1].equals("ok")) {
                    return new SltRecord.Statement(line, annotations, sql, null);
                }
                String message = words.length > 2 ? words[2] : "";
                if (atSeparator()) {
                    index++;
                    message = block(false);
                }
                return new SltRecord.Statement(line, annotations, sql, new ErrorExpectation(message));
            }
            case "query" -> {
                if (words.length < 2) {
                    throw headerError(line, "expected 'query <types> [nosort|rowsort|valuesort]'");
                }
                String types = words[1];
                if (!types.matches("[IRT]+")) {
                    throw headerError(line, "column types are letters I, R and T, got " + types);
                }
                SortMode sortMode = words.length > 2 ? sortMode(words[2], line) : SortMode.NOSORT;
                String sql = block(true);
                int sqlEnd = index;
                List<String> expected = List.of();
                if (atSeparator()) {
                    index++;
                    int start = index;
                    block(false);
                    expected = List.copyOf(lines.subList(start, index));
                }
                return new SltRecord.Query(line, annotations, sql, types, sortMode, expected, headerIndex, sqlEnd, index);
            }
            case "file" -> {
                return new SltRecord.WriteFile(line, annotations, argument(words, line, "file <path>"), block(false) + "\n");
            }
            case "parquet" -> {
                return new SltRecord.WriteParquet(line, annotations, argument(words, line, "parquet <path>"), block(true));
            }
            default -> throw headerError(line, "unknown record '" + words[0] + "' (statement, query, file, parquet)");
        }
    }

    private String argument(String[] words, int line, String usage) {
        if (words.length != 2) {
            throw headerError(line, "expected '" + usage + "'");
        }
        return words[1];
    }

    private SortMode sortMode(String word, int line) {
        try {
            return SortMode.parse(word);
        } catch (IllegalArgumentException e) {
            throw headerError(line, "unknown sort mode " + word + " (nosort, rowsort, valuesort)");
        }
    }

    private KnownBug knownBug(String name) {
        String first = name.split("\\s+", 2)[0];
        try {
            return KnownBug.valueOf(first);
        } catch (IllegalArgumentException e) {
            throw error("unknown known-bug " + first + "; the list is dev.spillway.sql.testing.KnownBug");
        }
    }

    /** Lines up to a blank line (or {@code ----} when {@code stopAtSeparator}), joined with newlines. */
    private String block(boolean stopAtSeparator) {
        int start = index;
        while (index < lines.size() && !lines.get(index).isBlank() && !(stopAtSeparator && atSeparator())) {
            index++;
        }
        if (stopAtSeparator && start == index) {
            throw error("the record has no SQL");
        }
        return String.join("\n", lines.subList(start, index));
    }

    private boolean atSeparator() {
        return index < lines.size() && lines.get(index).strip().equals("----");
    }

    private IllegalArgumentException headerError(int line, String message) {
        return new IllegalArgumentException(fileName + ":" + line + ": " + message);
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(fileName + ":" + (index + 1) + ": " + message);
    }
}
