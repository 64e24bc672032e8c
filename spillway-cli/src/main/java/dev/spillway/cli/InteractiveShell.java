package dev.spillway.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell (stdin is a terminal), on JLine: line editing, history in {@code ~/.spillway_history},
 * statements spanning lines until their {@code ;}, dot commands, Ctrl-C to cancel a running query or drop the
 * line being typed, Ctrl-D or {@code .exit} to leave. A failing statement is reported and the shell goes on.
 * JLine is loaded only here, so that {@code -c} runs do not pay for it.
 */
final class InteractiveShell {
    private static final String PROMPT = "spillway> ";
    private static final String CONTINUATION_PROMPT = "     ...> ";

    private final StatementExecutor executor;
    private final DotCommands commands;
    private final Path historyFile;

    InteractiveShell(StatementExecutor executor) {
        this(executor, Path.of(System.getProperty("user.home"), ".spillway_history"));
    }

    InteractiveShell(StatementExecutor executor, Path historyFile) {
        this.executor = executor;
        this.commands = new DotCommands(executor);
        this.historyFile = historyFile;
    }

    int run() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return run(terminal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    int run(Terminal terminal) {
        // Outside readLine (while a statement runs) Ctrl-C cancels the statement; readLine handles it itself.
        terminal.handle(Terminal.Signal.INT, signal -> executor.interrupter().interrupt());
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("spillway")
                .parser(new StatementParser())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
                // SQL uses '!' (a != b); history expansion would rewrite it.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        terminal.writer().println("Spillway " + Versions.spillway() + ". End statements with ';'. Enter .help for help, .exit to leave.");
        terminal.flush();
        while (true) {
            String text;
            try {
                text = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return ExitCodes.SUCCESS;
            }
            if (text.isBlank()) {
                continue;
            }
            if (DotCommands.isCommand(text)) {
                if (commands.run(text) == DotCommands.Outcome.EXIT) {
                    return ExitCodes.SUCCESS;
                }
                continue;
            }
            executor.executeAll(text, false);
        }
    }

    /** Accepts the typed text only when it ends a statement (or is a dot command); otherwise JLine asks for another line. */
    private final class StatementParser implements Parser {
        private final DefaultParser words = new DefaultParser();

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && !DotCommands.isCommand(line)
                    && !StatementBoundary.endsStatement(executor, line)) {
                throw new EOFError(-1, cursor, "the statement goes on until ';'", ";");
            }
            return words.parse(line, cursor, context);
        }
    }
}
