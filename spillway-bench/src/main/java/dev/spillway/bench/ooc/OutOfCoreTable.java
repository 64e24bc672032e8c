package dev.spillway.bench.ooc;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The suite's two tables, made by Spillway from {@code range(n)} with SQL alone, so that anyone can make the
 * same files with either engine. Pseudo-random values come from multiplicative hashing,
 * {@code ((range * M) % 1000000007) % K} with a different large multiplier M per column: deterministic,
 * spread evenly over 0..K-1, and cheap. Products stay below 2^63 up to {@link #MAX_ROWS} rows.
 */
public enum OutOfCoreTable {
    /**
     * The H2O.ai db-benchmark group-by table ("G1"): id1, id2 of 100 strings each, id3 of rows/100 strings,
     * id4, id5 of 100 integers, id6 of rows/100 integers, v1 in 1..5, v2 in 1..15, v3 in [0, 100) with 6
     * decimals. No NULLs (the benchmark's 0% NA variant).
     */
    X("x"),
    /**
     * The sort table: about 64 bytes per row in memory (two BIGINTs, a DOUBLE and a string of about 30
     * characters), so 60 million rows are about 4 GB, four times a 1GB memory limit. id is unique, and so is
     * k below 1000000007 rows (multiplying by a number prime to 1000000007 permutes 0..1000000006): sorting
     * by k scatters id.
     */
    O("o");

    /** Largest row count whose hashes do not overflow BIGINT (the largest multiplier is 3266489917). */
    public static final long MAX_ROWS = 2_000_000_000L;

    private final String viewName;

    OutOfCoreTable(String viewName) {
        this.viewName = viewName;
    }

    /** The name queries use for it (a view over the Parquet file in both engines). */
    public String viewName() {
        return viewName;
    }

    /** {@code x-100000000.parquet}: one file per row count, so sizes do not overwrite each other. */
    public String fileName(long rows) {
        return viewName + "-" + rows + ".parquet";
    }

    /** The query that makes the table's rows. */
    public String selectSql(long rows) {
        checkRows(rows);
        return switch (this) {
            case X -> {
                long groups = Math.max(1, rows / 100);
                yield String.format(Locale.ROOT, """
                        SELECT
                          'id' || CAST(((range * 2654435761) %% 1000000007) %% 100 + 1 AS VARCHAR) AS id1,
                          'id' || CAST(((range * 2246822519) %% 1000000007) %% 100 + 1 AS VARCHAR) AS id2,
                          'id' || CAST(((range * 3266489917) %% 1000000007) %% %1$d + 1 AS VARCHAR) AS id3,
                          CAST(((range * 668265263) %% 1000000007) %% 100 + 1 AS INTEGER) AS id4,
                          CAST(((range * 374761393) %% 1000000007) %% 100 + 1 AS INTEGER) AS id5,
                          CAST(((range * 2870177459) %% 1000000007) %% %1$d + 1 AS INTEGER) AS id6,
                          CAST(((range * 1103515245) %% 1000000007) %% 5 + 1 AS INTEGER) AS v1,
                          CAST(((range * 1597334677) %% 1000000007) %% 15 + 1 AS INTEGER) AS v2,
                          CAST(((range * 2147483647) %% 1000000007) %% 100000000 AS DOUBLE) / 1000000 AS v3
                        FROM range(%2$d)""", groups, rows);
            }
            case O -> String.format(Locale.ROOT, """
                    SELECT
                      range AS id,
                      (range * 2654435761) %% 1000000007 AS k,
                      CAST(range AS DOUBLE) * 0.5 AS d,
                      'row-' || CAST((range * 7919) %% 100000007 AS VARCHAR) || '-some-padding-text' AS s
                    FROM range(%d)""", rows);
        };
    }

    /** The statement that writes the table to a Parquet file. */
    public String copySql(long rows, Path file) {
        return "COPY (" + selectSql(rows) + ") TO '" + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet)";
    }

    private static void checkRows(long rows) {
        if (rows < 1 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("a table has 1 to " + MAX_ROWS + " rows, got " + rows);
        }
    }
}
