package dev.spillway.io.csv;

/** Whether the first row (after skipped lines) names the columns: detected, or told by the user. */
public enum HeaderMode {
    AUTO,
    TRUE,
    FALSE
}
