package dev.spillway.cli;

/**
 * Tells whether text typed or piped so far ends with a complete statement, i.e. its last token is a
 * {@code ;} outside quotes and comments, so the shell knows whether to run it or to ask for another line.
 *
 * <p>It asks the session's own statement splitter rather than lexing SQL a second time: appending a new
 * line and a word creates a new statement exactly when the text ended with a terminated statement; if the
 * text ends inside a string, a quoted name or a block comment, or without {@code ;}, the word joins the
 * last statement instead.
 */
final class StatementBoundary {
    private StatementBoundary() {}

    static boolean endsStatement(StatementExecutor executor, String text) {
        if (text.isBlank()) {
            return false;
        }
        int statements = executor.split(text).size();
        return executor.split(text + "\nx").size() > statements;
    }
}
