package dev.spillway.cli;

/** The process exit codes, part of the CLI's contract with scripts. */
final class ExitCodes {
    static final int SUCCESS = 0;
    /** A statement failed (the message is on stderr). */
    static final int STATEMENT_FAILED = 1;
    /** Unknown flag, bad flag value or bad {@code SPILLWAY_*} value: nothing was run. */
    static final int USAGE = 2;

    private ExitCodes() {}
}
