package dev.spillway.api;

/** What running one SQL statement produced: rows to show, or nothing (SET, CREATE VIEW). */
public sealed interface StatementResult {
    /** A query (or EXPLAIN) whose rows the caller runs and prints. */
    record Rows(DataFrame frame) implements StatementResult {}

    /** A statement that only changed the session; {@code message} says what, for verbose shells. */
    record Done(String message) implements StatementResult {}
}
