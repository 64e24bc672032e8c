package dev.spillway.sql.differential;

import dev.spillway.sql.testing.KnownBug;

/**
 * One query run in both engines.
 *
 * @param name where it comes from, for the test's name ({@code joins.sql:12}, {@code t.dec18: sum})
 * @param knownBug the unfixed bug that makes Spillway's answer differ, or null
 * @param duckDbDiffers why DuckDB's answer is deliberately not Spillway's (then only Spillway's running without
 *     error is checked), or null
 */
record DifferentialQuery(String name, String sql, KnownBug knownBug, String duckDbDiffers) {
    static DifferentialQuery of(String name, String sql) {
        return new DifferentialQuery(name, sql, null, null);
    }

    DifferentialQuery withKnownBug(KnownBug bug) {
        return new DifferentialQuery(name, sql, bug, duckDbDiffers);
    }
}
