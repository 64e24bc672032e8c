package dev.spillway.cli;

import dev.spillway.api.Session;
import dev.spillway.api.StatementResult;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs statements on the session and prints what they return: query rows to stdout, nothing for
 * {@code SET} and {@code CREATE VIEW} (a note on stderr with {@code --verbose}), and failures as one line
 * on stderr. The runners decide whether to go on after a failure.
 */
final class StatementExecutor {
    private static final Pattern EXPLAIN = Pattern.compile("\\s*EXPLAIN\\b.*", Pattern.DOTALL);

    private final Session session;
    private final ResultPrinter printer;
    private final ErrorReporter errors;
    private final QueryInterrupter interrupter = new QueryInterrupter();

    private final boolean showProgress;

    StatementExecutor(Session session, ResultPrinter printer, ErrorReporter errors) {
        this(session, printer, errors, false);
    }

    /** @param showProgress draw a progress bar on stderr for long statements (stderr must be a terminal) */
    StatementExecutor(Session session, ResultPrinter printer, ErrorReporter errors, boolean showProgress) {
        this.session = session;
        this.printer = printer;
        this.errors = errors;
        this.showProgress = showProgress;
    }

    Session session() {
        return session;
    }

    ResultPrinter printer() {
        return printer;
    }

    ErrorReporter errors() {
        return errors;
    }

    QueryInterrupter interrupter() {
        return interrupter;
    }

    /** Splits a script into statements; each keeps its line and column in the script, so errors point into it. */
    List<String> split(String script) {
        return session.splitStatements(script);
    }

    /**
     * Runs the statements in order, stopping at the first failure when {@code stopOnError}.
     *
     * @return whether all ran without error
     */
    boolean executeAll(String script, boolean stopOnError) {
        boolean allSucceeded = true;
        for (String statement : split(script)) {
            if (!execute(statement)) {
                allSucceeded = false;
                if (stopOnError) {
                    break;
                }
            }
        }
        return allSucceeded;
    }

    /** @return whether the statement succeeded; a failure has been reported */
    boolean execute(String statement) {
        interrupter.started();
        boolean cancelled;
        Throwable failure = null;
        ProgressBar progress = showProgress ? ProgressBar.start(session, errors.stream()) : null;
        Runnable hideProgress = () -> {
            if (progress != null) {
                progress.close();
            }
        };
        try {
            switch (session.execute(statement)) {
                case StatementResult.Rows rows -> printer.print(rows.frame(), EXPLAIN.matcher(statement).matches(), hideProgress);
                case StatementResult.Done done -> {
                    if (errors.verbose()) {
                        errors.note(done.message());
                    }
                }
            }
        } catch (OutputException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // A JVM error from one statement (a heap too small for a plan, a very deep expression) is that
            // statement's failure; the shell and piped scripts go on.
            failure = e;
        } finally {
            hideProgress.run();
            cancelled = interrupter.finished();
        }
        if (failure == null) {
            return true;
        }
        printer.flush();
        if (cancelled) {
            errors.report("query cancelled");
        } else {
            errors.report(failure);
        }
        return false;
    }
}
