package dev.spillway.bench.tpch;

import static java.util.Objects.requireNonNull;

import dev.spillway.bench.launch.Command;
import dev.spillway.bench.launch.CommandLine;
import dev.spillway.bench.launch.LaunchDefaults;
import dev.spillway.bench.launch.OptionValues;
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
 * Parses the TPC-H benchmark's command line ({@link CommandLine} says how options are written and which
 * one wins).
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
    private static final Pattern RANGE = Pattern.compile("q?0*([0-9]+)-q?0*([0-9]+)");

    private TpchOptionsParser() {}

    /** @throws IllegalArgumentException with a message for the user when an option is wrong */
    public static Command<TpchOptions> parse(List<String> arguments, LaunchDefaults defaults) {
        requireNonNull(defaults, "defaults is null");
        Optional<List<CommandLine.Option>> given = CommandLine.split(arguments, OPTIONS);
        if (given.isEmpty()) {
            return new Command.Help<>();
        }
        double scaleFactor = 1;
        int threads = defaults.cores();
        List<Integer> queries = TpchQueries.SUPPORTED;
        int warmup = 1;
        int reps = 3;
        Path dataDirectory = null;
        Optional<String> memoryLimit = Optional.empty();
        Duration timeout = Duration.ofMinutes(10);
        String heap = "2g";
        Path resultsDirectory = defaults.resultsDirectory();
        for (CommandLine.Option option : given.get()) {
            String name = option.name();
            String value = option.value();
            switch (name) {
                case "--sf" -> scaleFactor = OptionValues.positiveDouble(name, value);
                case "--threads" -> threads = OptionValues.positiveInt(name, value);
                case "--queries" -> queries = queries(value);
                case "--warmup" -> warmup = OptionValues.positiveInt(name, value);
                case "--reps" -> reps = OptionValues.positiveInt(name, value);
                case "--data-dir" -> dataDirectory = Path.of(value);
                case "--memory-limit" -> memoryLimit = Optional.of(OptionValues.memoryLimit(name, value));
                case "--timeout" -> timeout = OptionValues.duration(name, value);
                case "--heap" -> heap = OptionValues.heap(name, value);
                case "--results-dir" -> resultsDirectory = Path.of(value);
                default -> throw new IllegalStateException("option " + name + " is known but not handled");
            }
        }
        if (dataDirectory == null) {
            dataDirectory = defaults.dataDirectory("tpch-sf" + TpchOptions.formatScaleFactor(scaleFactor));
        }
        return new Command.Run<>(new TpchOptions(scaleFactor, threads, queries, warmup, reps, dataDirectory.toAbsolutePath(),
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
}
