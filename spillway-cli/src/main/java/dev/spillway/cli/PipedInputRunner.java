package dev.spillway.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Runs SQL read from stdin when it is not a terminal ({@code spillway < script.sql}, {@code echo ... | spillway}).
 * Statements run as soon as their terminating {@code ;} has been read, so a program feeding statements one at
 * a time gets each answer before sending the next. A failing statement is reported and the next ones still
 * run; the exit code is 1 if any failed.
 */
final class PipedInputRunner {
    private final StatementExecutor executor;
    private final DotCommands commands;

    PipedInputRunner(StatementExecutor executor) {
        this.executor = executor;
        this.commands = new DotCommands(executor);
    }

    int run(BufferedReader input) {
        boolean anyFailed = false;
        StringBuilder pending = new StringBuilder();
        int linesBeforePending = 0;
        int linesRead = 0;
        try {
            String line;
            while ((line = input.readLine()) != null) {
                linesRead++;
                if (pending.isEmpty()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    if (DotCommands.isCommand(line)) {
                        DotCommands.Outcome outcome = commands.run(line);
                        if (outcome == DotCommands.Outcome.EXIT) {
                            break;
                        }
                        anyFailed |= outcome == DotCommands.Outcome.FAILED;
                        continue;
                    }
                    linesBeforePending = linesRead - 1;
                }
                pending.append(line).append('\n');
                if (StatementBoundary.endsStatement(executor, pending.toString())) {
                    anyFailed |= !executor.executeAll(placed(pending, linesBeforePending), false);
                    pending.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stdin: " + e.getMessage(), e);
        }
        if (!pending.toString().isBlank()) {
            anyFailed |= !executor.executeAll(placed(pending, linesBeforePending), false);
        }
        return anyFailed ? ExitCodes.STATEMENT_FAILED : ExitCodes.SUCCESS;
    }

    /** The statements preceded by as many empty lines as came before them, so error positions are lines of the input. */
    private static String placed(StringBuilder statements, int linesBefore) {
        return "\n".repeat(linesBefore) + statements;
    }
}
