package dev.spillway.cli;

import dev.spillway.errors.SpillwayException;
import java.io.PrintStream;
import java.util.regex.Pattern;

/**
 * Prints failures as {@code Error: <message>} on one line of stderr; with {@code --verbose}, the stack trace
 * follows. The engine's messages already name the file, line, column or operator; this only keeps them to
 * one line, which scripts and the contract rely on.
 */
final class ErrorReporter {
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    private final PrintStream err;
    private final boolean verbose;

    ErrorReporter(PrintStream err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    /** stderr, for progress displays. */
    PrintStream stream() {
        return err;
    }

    boolean verbose() {
        return verbose;
    }

    void report(Throwable failure) {
        SpillwayException error = SpillwayException.wrap(failure);
        report(error.getMessage() == null ? error.toString() : error.getMessage());
        if (verbose) {
            failure.printStackTrace(err);
        }
    }

    void report(String message) {
        err.println("Error: " + oneLine(message));
        err.flush();
    }

    /** A message for people, not an error (what SET did, progress); always on stderr. */
    void note(String message) {
        err.println(message);
        err.flush();
    }

    static String oneLine(String message) {
        return LINE_BREAKS.matcher(message.strip()).replaceAll(" ");
    }
}
