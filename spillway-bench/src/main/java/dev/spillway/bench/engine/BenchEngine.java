package dev.spillway.bench.engine;

import java.util.List;

/**
 * One engine under test, set up with its views, threads and memory limit ({@link EngineKind#open}).
 * Not thread-safe: a worker runs one query at a time.
 */
public sealed interface BenchEngine extends AutoCloseable permits SpillwayBenchEngine, DuckDbBenchEngine {
    /** The engine's own version string, for the report. */
    String version();

    /**
     * Runs one query to completion, handing every row to {@code consumer}.
     *
     * @return the result's column names
     */
    List<String> run(String sql, RowConsumer consumer);

    @Override
    void close();
}
