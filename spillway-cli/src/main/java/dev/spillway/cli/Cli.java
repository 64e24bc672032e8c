package dev.spillway.cli;

import static java.util.Objects.requireNonNull;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Session;
import dev.spillway.api.output.OutputFormat;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * One run of the command line: parses the arguments, builds the configuration, opens a session and hands it
 * to the runner for the mode asked for. Everything the process touches (streams, environment, how a session
 * is opened) comes in through the constructor, so tests run it in-process.
 */
final class Cli {
    private static final int OUTPUT_BUFFER_CHARS = 1 << 16;

    private final CliStreams streams;
    private final Map<String, String> environment;
    private final Function<ExecutionConfig, Session> sessions;

    Cli(CliStreams streams, Map<String, String> environment, Function<ExecutionConfig, Session> sessions) {
        this.streams = requireNonNull(streams, "streams is null");
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    /** @return the process exit code ({@link ExitCodes}) */
    int run(String[] args) {
        PrintStream err = new PrintStream(streams.err(), true, StandardCharsets.UTF_8);
        Writer out = new BufferedWriter(new OutputStreamWriter(streams.out(), StandardCharsets.UTF_8), OUTPUT_BUFFER_CHARS);
        CliArguments arguments;
        ExecutionConfig config;
        try {
            switch (CommandLineOptions.parse(args)) {
                case CommandLineOptions.Parsed.Info info -> {
                    new ResultPrinter(out, OutputFormat.TABLE).printText(info.text());
                    return ExitCodes.SUCCESS;
                }
                case CommandLineOptions.Parsed.Run run -> arguments = run.arguments();
            }
            config = SettingsResolver.resolve(environment, arguments.settingFlags());
        } catch (UsageException e) {
            new ErrorReporter(err, false).report(e.getMessage());
            return ExitCodes.USAGE;
        } catch (OutputException e) {
            return e.isBrokenPipe() ? ExitCodes.SUCCESS : ExitCodes.STATEMENT_FAILED;
        }
        ErrorReporter errors = new ErrorReporter(err, arguments.verbose());
        ResultPrinter printer = new ResultPrinter(out, arguments.format());
        try (Session session = sessions.apply(config)) {
            return run(arguments, new StatementExecutor(session, printer, errors, streams.stderrIsTerminal()));
        } catch (OutputException e) {
            if (e.isBrokenPipe()) {
                return ExitCodes.SUCCESS;
            }
            errors.report(e.getMessage());
            return ExitCodes.STATEMENT_FAILED;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            errors.report(e);
            return ExitCodes.STATEMENT_FAILED;
        } finally {
            try {
                out.flush();
            } catch (IOException e) {
                // stdout is gone (closed pipe); nothing is left to tell it.
            }
        }
    }

    private int run(CliArguments arguments, StatementExecutor executor) {
        if (arguments.demoScaleFactor().isPresent()) {
            return new DemoCommand(executor, arguments.demoScaleFactor().get(), streams.stderrIsTerminal()).run();
        }
        if (arguments.command().isPresent()) {
            return executor.executeAll(arguments.command().get(), true) ? ExitCodes.SUCCESS : ExitCodes.STATEMENT_FAILED;
        }
        if (streams.stdinIsTerminal()) {
            return new InteractiveShell(executor).run();
        }
        BufferedReader input = new BufferedReader(new InputStreamReader(streams.in(), StandardCharsets.UTF_8));
        return new PipedInputRunner(executor).run(input);
    }
}
