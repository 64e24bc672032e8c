package dev.spillway.sql.slt;

import dev.spillway.sql.testing.KnownBug;

/**
 * Comment lines directly above a record that change how it is checked.
 *
 * @param duckDbDiffers why DuckDB deliberately behaves differently ({@code # duckdb-differs: reason});
 *     the record is then not run in DuckDB; null when DuckDB must agree
 * @param knownBug the bug that makes Spillway fail this record ({@code # known-bug: NAME}), or null
 */
record Annotations(String duckDbDiffers, KnownBug knownBug) {
    static final Annotations NONE = new Annotations(null, null);

    boolean checkInDuckDb() {
        return duckDbDiffers == null;
    }
}
