package dev.spillway.sql.slt;

import java.util.Locale;

/**
 * Complete mode ({@code -Dslt.complete=...}): rewrite the expected block of every query record from an
 * engine's answer. {@code true} or {@code spillway} takes Spillway's (records marked with a known bug
 * keep theirs); {@code duckdb} takes DuckDB's, the way to write the answers of new records. The run still
 * fails where the other engine disagrees. Review the diff before committing.
 */
enum Completion {
    OFF, SPILLWAY, DUCKDB;

    static Completion fromSystemProperty() {
        String value = System.getProperty("slt.complete", "").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "false" -> OFF;
            case "true", "spillway" -> SPILLWAY;
            case "duckdb" -> DUCKDB;
            default -> throw new IllegalArgumentException("slt.complete is true, spillway or duckdb, got " + value);
        };
    }
}
