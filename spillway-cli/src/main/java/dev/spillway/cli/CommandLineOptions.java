package dev.spillway.cli;

import dev.spillway.api.Setting;
import dev.spillway.api.output.OutputFormat;
import dev.spillway.errors.SpillwayException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The flags of {@code spillway}, declared with picocli's programmatic API so that every {@link Setting} gets
 * its flag ({@link Setting#cliFlag()}) without a field per setting: a setting added to the enum is a flag,
 * with its help text, at once. Options are inherited by the {@code demo} subcommand, so they may come before
 * or after it.
 */
final class CommandLineOptions {
    static final String DEMO = "demo";
    private static final String COMMAND = "-c";
    private static final String FORMAT = "--format";
    private static final String VERBOSE = "--verbose";
    private static final String SCALE_FACTOR = "--scale-factor";

    /** What the command line asks for. */
    sealed interface Parsed {
        record Run(CliArguments arguments) implements Parsed {}

        /** {@code --help} or {@code --version}: print the text to stdout and exit 0. */
        record Info(String text) implements Parsed {}
    }

    private CommandLineOptions() {}

    static Parsed parse(String[] args) throws UsageException {
        CommandLine commandLine = new CommandLine(spec());
        ParseResult result;
        try {
            result = commandLine.parseArgs(args);
        } catch (ParameterException e) {
            throw new UsageException(e.getMessage() + " (see spillway --help)");
        }
        ParseResult demo = result.subcommand();
        ParseResult innermost = demo != null ? demo : result;
        if (result.isUsageHelpRequested() || innermost.isUsageHelpRequested()) {
            CommandLine helped = demo != null ? commandLine.getSubcommands().get(DEMO) : commandLine;
            return new Parsed.Info(helped.getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        if (result.isVersionHelpRequested() || innermost.isVersionHelpRequested()) {
            return new Parsed.Info("spillway " + Versions.spillway() + "\n");
        }
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            value(result, demo, setting.cliFlag()).ifPresent(value -> flags.put(setting, value));
        }
        OutputFormat format = OutputFormat.TABLE;
        Optional<String> formatName = value(result, demo, FORMAT);
        if (formatName.isPresent()) {
            try {
                format = OutputFormat.parse(formatName.get());
            } catch (SpillwayException e) {
                throw new UsageException(FORMAT + ": " + e.getMessage());
            }
        }
        boolean verbose = result.hasMatchedOption(VERBOSE) || demo != null && demo.hasMatchedOption(VERBOSE);
        Optional<String> command = value(result, demo, COMMAND);
        Optional<Double> scaleFactor = Optional.empty();
        if (demo != null) {
            if (command.isPresent()) {
                throw new UsageException("-c cannot be combined with demo");
            }
            scaleFactor = Optional.of(scaleFactor(demo.matchedOptionValue(SCALE_FACTOR, "1")));
        }
        return new Parsed.Run(new CliArguments(flags, format, verbose, command, scaleFactor));
    }

    /** The option's value from the subcommand if given there, else from the top-level command. */
    private static Optional<String> value(ParseResult top, ParseResult demo, String name) {
        if (demo != null && demo.hasMatchedOption(name)) {
            return Optional.of(demo.matchedOptionValue(name, ""));
        }
        return top.hasMatchedOption(name) ? Optional.of(top.matchedOptionValue(name, "")) : Optional.empty();
    }

    private static double scaleFactor(String text) throws UsageException {
        try {
            double value = Double.parseDouble(text);
            if (value > 0 && value <= 1000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(SCALE_FACTOR + " must be a number above 0 and at most 1000, got '" + text + "'");
    }

    private static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("spillway");
        spec.usageMessage()
                .customSynopsis(
                        "spillway [OPTIONS] -c \"SQL; SQL; ...\"   run statements, stop at the first error",
                        "spillway [OPTIONS] < script.sql         run a script from stdin, reporting errors and going on",
                        "spillway [OPTIONS]                      interactive shell (stdin is a terminal)",
                        "spillway [OPTIONS] demo                 generate TPC-H SF 1 and run a few queries")
                .description("", "Spillway: a streaming, memory-bounded SQL engine. Results go to stdout, errors to stderr.",
                        "Settings come from defaults, then SPILLWAY_* environment variables, then flags, then SET.")
                .footer("", "Exit codes: 0 success, 1 a statement failed, 2 bad usage.");
        spec.addOption(OptionSpec.builder(COMMAND, "--command").paramLabel("SQL").type(String.class)
                .description("Statements separated by ';', run in order; the first failure stops the run.").build());
        spec.addOption(OptionSpec.builder(FORMAT).paramLabel("table|csv|json").type(String.class).scopeType(ScopeType.INHERIT)
                .description("Result format (default: table; csv and json are meant for scripts).").build());
        spec.addOption(OptionSpec.builder(VERBOSE).arity("0").type(boolean.class).scopeType(ScopeType.INHERIT)
                .description("Print stack traces with errors, and what SET and CREATE VIEW did.").build());
        for (Setting setting : Setting.values()) {
            spec.addOption(OptionSpec.builder(flagNames(setting)).paramLabel(paramLabel(setting)).type(String.class)
                    .scopeType(ScopeType.INHERIT)
                    // picocli reads descriptions as format strings: "80% of" would be a broken "% o" specifier.
                    .description((setting.description() + " Default: " + setting.defaultDescription() + ". Environment: "
                            + setting.environmentVariable() + ".").replace("%", "%%"))
                    .build());
        }
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).scopeType(ScopeType.INHERIT)
                .description("Show this help and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print the version and exit.").build());

        CommandSpec demo = CommandSpec.create().name(DEMO);
        demo.usageMessage().description("Generates TPC-H data as Parquet into <temp_directory>/spillway-tpch-sf<N>/ (once), "
                + "then runs TPC-H Q1 and the six-table join Q5, printing results and timings.");
        demo.addOption(OptionSpec.builder(SCALE_FACTOR).paramLabel("N").type(String.class)
                .description("TPC-H scale factor (default: 1, about 1 GB of generated data, 300 MB of Parquet).").build());
        spec.addSubcommand(DEMO, demo);
        return spec;
    }

    private static String[] flagNames(Setting setting) {
        List<String> names = new ArrayList<>(List.of(setting.cliFlag()));
        if (setting == Setting.TEMP_DIRECTORY) {
            names.add("--temp-dir");
        }
        return names.toArray(String[]::new);
    }

    private static String paramLabel(Setting setting) {
        return switch (setting) {
            case THREADS, TARGET_BATCH_ROWS -> "N";
            case MEMORY_LIMIT, MAX_TEMP_DIRECTORY_SIZE, TARGET_MAX_BATCH_BYTES, SCAN_TASK_TARGET_BYTES -> "SIZE";
            case TEMP_DIRECTORY -> "DIR";
            case PRESERVE_INSERTION_ORDER -> "true|false";
            // A setting added later still gets its flag; only the label in --help is generic.
            default -> "VALUE";
        };
    }
}
