package dev.spillway.io.json;

/**
 * How JSON values are laid out in a file (DuckDB's {@code format} option). Only {@link #NEWLINE_DELIMITED} files
 * can be split into byte ranges: a JSON string cannot hold a raw line break, so every line start there is a value
 * start. The other layouts are read one file per task.
 */
public enum JsonFormat {
    /** Detect from the start of the first file. */
    AUTO,
    /** One value per line (JSON Lines, NDJSON). */
    NEWLINE_DELIMITED,
    /** One top-level array of values. */
    ARRAY,
    /** Values one after another, each possibly over several lines (pretty-printed objects). */
    UNSTRUCTURED
}
