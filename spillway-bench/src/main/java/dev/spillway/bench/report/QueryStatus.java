package dev.spillway.bench.report;

/** The verdict on one query, the worst of what happened to it. */
public enum QueryStatus {
    /** Both engines completed every run and gave the same answer. */
    OK,
    /** Both completed but their answers differ (or an engine's row count changed between runs). */
    FAILED,
    /** An engine reported an error or its worker died. */
    ERROR,
    /** An engine did not finish a run within the timeout. */
    TIMEOUT
}
