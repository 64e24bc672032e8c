package dev.spillway.errors;

/** What kind of failure a {@link SpillwayException} reports; the CLI and API map kinds to exit codes and messages. */
public enum ErrorKind {
    /** The query or its input is wrong: bad SQL, unknown column, malformed file, type mismatch. */
    USER_INPUT,
    /** A file or remote object could not be read or written. */
    IO,
    /** The memory limit (or the temp-directory quota) was reached and nothing more could be freed. */
    OUT_OF_MEMORY,
    /** The query was cancelled by the user or by the engine. */
    CANCELLED,
    /** A bug in Spillway. */
    INTERNAL
}
