package dev.spillway.bench.tpch;

import static java.util.Objects.requireNonNull;

import dev.spillway.api.Sizes;
import dev.spillway.errors.SpillwayException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the TPC-H benchmark's command line. Options take a value as {@code --name value} or
 * {@code --name=value}; a later option overrides an earlier one, so a script can put its defaults first
 * and pass the user's arguments after them.
 */
public final class TpchOptionsParser {
    public static final String USAGE = """
            Usage: run-tpch [options]
              --sf N              TPC-H scale factor (default 1)
              --threads N         worker threads of both engines (default: number of cores)
              --queries LIST      e.g. 1,3,q05,7-9; 'supported' (default: %s) or 'all'
              --warmup N          warm-up runs per query and engine, at least 1; the first one's answer is checked (default 1)
              --reps N            timed runs per query and engine; median and min are reported (default 3)
              --data-dir DIR      where the Parquet files are, generated if missing (default: <tmp>/spillway-bench/tpch-sf<N>)
              --memory-limit SIZE memory_limit of both engines, e.g. 4GB or 2GiB (default: each engine's own)
              --timeout DURATION  per run, e.g. 300, 90s, 10m (default 10m); a run that exceeds it is reported as TIMEOUT
              --heap SIZE         -Xmx of both worker JVMs (default 2g)
              --results-dir DIR   where the Markdown report goes (default: bench/results of the repository)
              --help              this text
            bench/run-tpch puts --sf 1 --threads 2 --queries supported before the options it is given.
            """.formatted(TpchQueries.SUPPORTED.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""));

    private static final Set<String> OPTIONS = Set.of("--sf", "--threads", "--queries", "--warmup", "--reps", "--data-dir",
            "--memory-limit", "--timeout", "--heap", "--results-dir");
    private static final Pattern DURATION = Pattern.compile("([0-9]+)\\s*(ms|s|m|h)?");
    private static final Pattern RANGE = Pattern.compile("q?0*([0-9]+)-q?0*([0-9]+)");
    private static final Pattern HEAP = Pattern.compile("[0-9]+[kKmMgG]?");

    /**
     * What the parser needs from the machine, passed in so tests control it.
     *
     * @param repositoryRoot the Spillway checkout the benchmark runs from, if any: reports go to its
     *                       {@code bench/results}, else to {@code bench/results} under the working directory
     */
    public record Defaults(int cores, Path temporaryDirectory, Path workingDirectory, Optional<Path> repositoryRoot) {
        public static Defaults ofThisMachine() {
            Path workingDirectory = Path.of("").toAbsolutePath();
            return new Defaults(Runtime.getRuntime().availableProcessors(), Path.of(System.getProperty("java.io.tmpdir")),
                    workingDirectory, RepositoryRoot.ofRunningCode().or(() -> RepositoryRoot.above(workingDirectory)));
        }
    }

    /** Either options to run with, or a request for the usage text. */
    public sealed interface Command {
        record Run(TpchOptions options) implements Command {}

        record Help() implements Command {}
    }

    private TpchOptionsParser() {}

    /** @throws IllegalArgumentException with a message for the user when an option is wrong */
    public static Command parse(List<String> arguments, Defaults defaults) {
        requireNonNull(defaults, "defaults is null");
        double scaleFactor = 1;
        int threads = defaults.cores();
        List<Integer> queries = TpchQueries.SUPPORTED;
        int warmup = 1;
        int reps = 3;
        Path dataDirectory = null;
        Optional<String> memoryLimit = Optional.empty();
        Duration timeout = Duration.ofMinutes(10);
        String heap = "2g";
        Path resultsDirectory = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--help") || argument.equals("-h")) {
                return new Command.Help();
            }
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + argument + "'");
            }
            String name;
            String value;
            int equals = argument.indexOf('=');
            if (equals > 0) {
                name = argument.substring(0, equals);
                value = argument.substring(equals + 1);
            } else {
                name = argument;
                if (!OPTIONS.contains(name)) {
                    throw new IllegalArgumentException("unknown option " + name);
                }
                if (i + 1 >= arguments.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = arguments.get(++i);
            }
            switch (name) {
                case "--sf" -> scaleFactor = positiveDouble(name, value);
                case "--threads" -> threads = positiveInt(name, value);
                case "--queries" -> queries = queries(value);
                case "--warmup" -> warmup = positiveInt(name, value);
                case "--reps" -> reps = positiveInt(name, value);
                case "--data-dir" -> dataDirectory = Path.of(value);
                case "--memory-limit" -> memoryLimit = Optional.of(memoryLimit(value));
                case "--timeout" -> timeout = duration(name, value);
                case "--heap" -> heap = heap(value);
                case "--results-dir" -> resultsDirectory = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (dataDirectory == null) {
            dataDirectory = defaults.temporaryDirectory().resolve("spillway-bench").resolve("tpch-sf" + TpchOptions.formatScaleFactor(scaleFactor));
        }
        if (resultsDirectory == null) {
            resultsDirectory = defaults.repositoryRoot().orElse(defaults.workingDirectory()).resolve("bench").resolve("results");
        }
        return new Command.Run(new TpchOptions(scaleFactor, threads, queries, warmup, reps, dataDirectory.toAbsolutePath(),
                memoryLimit, timeout, heap, resultsDirectory.toAbsolutePath()));
    }

    static List<Integer> queries(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.equals("all")) {
            List<Integer> all = new ArrayList<>();
            for (int q = 1; q <= TpchQueries.COUNT; q++) {
                all.add(q);
            }
            return all;
        }
        if (text.equals("supported")) {
            return TpchQueries.SUPPORTED;
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (String item : text.split(",")) {
            String trimmed = item.trim();
            Matcher range = RANGE.matcher(trimmed);
            if (range.matches()) {
                int from = queryNumber(range.group(1), value);
                int to = queryNumber(range.group(2), value);
                if (from > to) {
                    throw new IllegalArgumentException("--queries: empty range " + trimmed);
                }
                for (int q = from; q <= to; q++) {
                    chosen.add(q);
                }
            } else {
                chosen.add(queryNumber(trimmed.startsWith("q") ? trimmed.substring(1) : trimmed, value));
            }
        }
        return List.copyOf(chosen);
    }

    private static int queryNumber(String text, String whole) {
        try {
            int number = Integer.parseInt(text);
            if (number >= 1 && number <= TpchQueries.COUNT) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the whole list.
        }
        throw new IllegalArgumentException("--queries: '" + text + "' is not a TPC-H query number (1-22) in '" + whole + "'");
    }

    static Duration duration(String name, String value) {
        Matcher matcher = DURATION.matcher(value.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(name + " takes a duration like 300, 90s, 10m or 1h, got '" + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration duration = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return duration;
    }

    /** Checked here with Spillway's own size parser; DuckDB gets the same text and accepts the same units. */
    private static String memoryLimit(String value) {
        String text = value.trim();
        if (text.endsWith("%")) {
            throw new IllegalArgumentException("--memory-limit takes a size such as 4GB or 2GiB, not a percentage");
        }
        try {
            Sizes.parse("memory_limit", text, -1);
        } catch (SpillwayException e) {
            throw new IllegalArgumentException("--memory-limit: " + e.getMessage(), e);
        }
        return text;
    }

    private static String heap(String value) {
        if (!HEAP.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException("--heap takes a JVM heap size like 2g or 512m, got '" + value + "'");
        }
        return value.trim();
    }

    private static int positiveInt(String name, String value) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(name + " takes a whole number of at least 1, got '" + value + "'");
    }

    private static double positiveDouble(String name, String value) {
        try {
            double number = Double.parseDouble(value.trim());
            if (number > 0 && Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(name + " takes a positive number, got '" + value + "'");
    }
}
