package dev.spillway.bench.ooc;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The out-of-core suite's options, parsed and checked ({@link OutOfCoreOptionsParser}).
 *
 * @param memoryLimit     the same {@code memory_limit} for both engines, as given (e.g. {@code 1GB})
 * @param rows            rows of the group-by table x
 * @param sortRows        rows of the sort table o
 * @param maxHeap         the {@code -Xmx} of both workers' JVMs
 * @param tempDirectory   where both engines spill (in a scratch folder made inside) and the throughput is measured
 * @param throughputBytes bytes written by each throughput measurement; 0 skips them
 * @param dropPageCache   whether the throughput measurement drops the page cache before reading (needs root)
 */
public record OutOfCoreOptions(String memoryLimit, int threads, long rows, long sortRows, List<OutOfCoreQuery> queries,
                               int warmupRuns, int timedRuns, Duration timeout, String maxHeap, Path dataDirectory,
                               Path tempDirectory, long throughputBytes, boolean dropPageCache, Path resultsDirectory) {
    public OutOfCoreOptions {
        requireNonNull(memoryLimit, "memoryLimit is null");
        queries = List.copyOf(queries);
        requireNonNull(timeout, "timeout is null");
        requireNonNull(maxHeap, "maxHeap is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(tempDirectory, "tempDirectory is null");
        requireNonNull(resultsDirectory, "resultsDirectory is null");
    }

    /** The tables the chosen queries read: only these are generated and given to the engines. */
    public Set<OutOfCoreTable> tables() {
        Set<OutOfCoreTable> tables = new LinkedHashSet<>();
        queries.forEach(query -> tables.add(query.table()));
        return tables;
    }
}
