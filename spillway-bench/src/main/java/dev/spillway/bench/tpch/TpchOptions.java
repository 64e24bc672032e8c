package dev.spillway.bench.tpch;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The TPC-H benchmark's options, parsed and checked ({@link TpchOptionsParser}).
 *
 * @param memoryLimit the same {@code memory_limit} for both engines, or empty for each engine's default
 * @param maxHeap     the {@code -Xmx} of both workers' JVMs
 */
public record TpchOptions(double scaleFactor, int threads, List<Integer> queries, int warmupRuns, int timedRuns,
                          Path dataDirectory, Optional<String> memoryLimit, Duration timeout, String maxHeap,
                          Path resultsDirectory) {
    public TpchOptions {
        queries = List.copyOf(queries);
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(memoryLimit, "memoryLimit is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(maxHeap, "maxHeap is null");
        requireNonNull(resultsDirectory, "resultsDirectory is null");
    }

    /** The scale factor as people write it: {@code 1}, {@code 0.01}, {@code 10}. */
    public String scaleFactorText() {
        return formatScaleFactor(scaleFactor);
    }

    static String formatScaleFactor(double scaleFactor) {
        return BigDecimal.valueOf(scaleFactor).stripTrailingZeros().toPlainString();
    }
}
