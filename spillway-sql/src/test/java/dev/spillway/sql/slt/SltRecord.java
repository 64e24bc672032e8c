package dev.spillway.sql.slt;

import java.util.List;

/**
 * One record of a {@code .slt} file. Line numbers are 1-based and point at the record's header; the
 * {@code index} fields are 0-based positions in the file's lines, kept so that complete mode can rewrite
 * a query's expected block in place.
 */
sealed interface SltRecord {
    int line();

    Annotations annotations();

    /** {@code statement ok} (error null) or {@code statement error <message>}. */
    record Statement(int line, Annotations annotations, String sql, ErrorExpectation error) implements SltRecord {}

    /**
     * {@code query <types> [sort mode]}, the SQL, {@code ----} and the expected lines.
     *
     * @param types one letter per column: I integer, R double or decimal, T anything else
     * @param sqlEndIndex index of the {@code ----} line, or of where it would go
     * @param resultEndIndex index just after the last expected line
     */
    record Query(int line, Annotations annotations, String sql, String types, SortMode sortMode, List<String> expected,
                 int headerIndex, int sqlEndIndex, int resultEndIndex) implements SltRecord {}

    /** {@code file <path>} and the lines up to the next blank line: a text file the following records read. */
    record WriteFile(int line, Annotations annotations, String path, String content) implements SltRecord {}

    /** {@code parquet <path>} and a query: its rows (computed by Spillway) written as a Parquet file. */
    record WriteParquet(int line, Annotations annotations, String path, String sql) implements SltRecord {}
}
