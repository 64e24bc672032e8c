package dev.spillway.bench.ooc;

import static java.util.Objects.requireNonNull;

import dev.spillway.bench.launch.Command;
import dev.spillway.bench.launch.CommandLine;
import dev.spillway.bench.launch.LaunchDefaults;
import dev.spillway.bench.launch.OptionValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the out-of-core suite's command line ({@link CommandLine} says how options are written and which
 * one wins). The defaults are the suite's standard run: state several times the memory limit, so that
 * both engines must spill.
 */
public final class OutOfCoreOptionsParser {
    public static final String USAGE = """
            Usage: run-out-of-core [options]
              --memory-limit SIZE     memory_limit of both engines, e.g. 1GB or 512MiB (default 1GB)
              --threads N             worker threads of both engines (default 2)
              --rows N                rows of the group-by table x (default 100000000)
              --sort-rows N           rows of the sort table o, about 64 bytes each in memory (default 60000000)
              --queries LIST          comma-separated names or 'all' (default); names: %s
              --warmup N              warm-up runs per query and engine (default 0: the timed run's answer is checked)
              --runs N                timed runs per query and engine (default 1)
              --timeout DURATION      per run, e.g. 300, 90s, 20m (default 20m); a run that exceeds it is reported as TIMEOUT
              --heap SIZE             -Xmx of both worker JVMs (default 2g)
              --data-dir DIR          where the Parquet files are, generated if missing (default: <tmp>/spillway-bench/ooc)
              --temp-dir DIR          where both engines spill, in a scratch folder made inside (default: the system temp directory)
              --throughput-size SIZE  bytes written by the disk and spill-path throughput measurements (default 1GiB; 0 skips them)
              --drop-page-cache B     yes: drop the page cache before the throughput reads so they come from the disk (needs root;
                                      machine-wide); no: leave it (default yes)
              --results-dir DIR       where the Markdown report goes (default: bench/results of the repository)
              --help                  this text
            """.formatted(String.join(", ", OutOfCoreQueries.names()));

    private static final Set<String> OPTIONS = Set.of("--memory-limit", "--threads", "--rows", "--sort-rows", "--queries", "--warmup",
            "--runs", "--timeout", "--heap", "--data-dir", "--temp-dir", "--throughput-size", "--drop-page-cache", "--results-dir");
    /** x has rows/100 groups of id3 and id6: fewer rows than 100 would leave none. */
    static final long MIN_ROWS = 100;

    private OutOfCoreOptionsParser() {}

    /** @throws IllegalArgumentException with a message for the user when an option is wrong */
    public static Command<OutOfCoreOptions> parse(List<String> arguments, LaunchDefaults defaults) {
        requireNonNull(defaults, "defaults is null");
        Optional<List<CommandLine.Option>> given = CommandLine.split(arguments, OPTIONS);
        if (given.isEmpty()) {
            return new Command.Help<>();
        }
        String memoryLimit = "1GB";
        int threads = 2;
        long rows = 100_000_000L;
        long sortRows = 60_000_000L;
        List<OutOfCoreQuery> queries = OutOfCoreQueries.ALL;
        int warmup = 0;
        int runs = 1;
        Duration timeout = Duration.ofMinutes(20);
        String heap = "2g";
        Path dataDirectory = defaults.dataDirectory("ooc");
        Path tempDirectory = defaults.temporaryDirectory();
        long throughputBytes = 1L << 30;
        boolean dropPageCache = true;
        Path resultsDirectory = defaults.resultsDirectory();
        for (CommandLine.Option option : given.get()) {
            String name = option.name();
            String value = option.value();
            switch (name) {
                case "--memory-limit" -> memoryLimit = OptionValues.memoryLimit(name, value);
                case "--threads" -> threads = OptionValues.positiveInt(name, value);
                case "--rows" -> rows = OptionValues.longBetween(name, value, MIN_ROWS, OutOfCoreTable.MAX_ROWS);
                case "--sort-rows" -> sortRows = OptionValues.longBetween(name, value, 1, OutOfCoreTable.MAX_ROWS);
                case "--queries" -> queries = queries(value);
                case "--warmup" -> warmup = OptionValues.nonNegativeInt(name, value);
                case "--runs" -> runs = OptionValues.positiveInt(name, value);
                case "--timeout" -> timeout = OptionValues.duration(name, value);
                case "--heap" -> heap = OptionValues.heap(name, value);
                case "--data-dir" -> dataDirectory = Path.of(value);
                case "--temp-dir" -> tempDirectory = Path.of(value);
                case "--throughput-size" -> throughputBytes = OptionValues.bytes(name, value);
                case "--drop-page-cache" -> dropPageCache = yesOrNo(name, value);
                case "--results-dir" -> resultsDirectory = Path.of(value);
                default -> throw new IllegalStateException("option " + name + " is known but not handled");
            }
        }
        return new Command.Run<>(new OutOfCoreOptions(memoryLimit, threads, rows, sortRows, queries, warmup, runs, timeout, heap,
                dataDirectory.toAbsolutePath(), tempDirectory.toAbsolutePath(), throughputBytes, dropPageCache,
                resultsDirectory.toAbsolutePath()));
    }

    /** 'all', or names in the order given, without duplicates. */
    static List<OutOfCoreQuery> queries(String value) {
        if (value.trim().equalsIgnoreCase("all")) {
            return OutOfCoreQueries.ALL;
        }
        Set<OutOfCoreQuery> chosen = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            try {
                chosen.add(OutOfCoreQueries.byName(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--queries: " + e.getMessage(), e);
            }
        }
        return List.copyOf(chosen);
    }

    private static boolean yesOrNo(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> throw new IllegalArgumentException(name + " takes yes or no, got '" + value + "'");
        };
    }
}
