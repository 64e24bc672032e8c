package dev.spillway.io.csv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spillway.data.Batch;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.testing.TestAllocators;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

/**
 * Throughput measurement on a large file, run by hand: {@code SPILLWAY_CSV_PERF_FILE=/path/big.csv mvn test
 * -Dtest=CsvThroughputTest}. Skipped otherwise (the machines running the suite are shared).
 */
public class CsvThroughputTest {
    /** Entry point for profiling outside Maven. */
    public static void main(String[] args) throws Exception {
        new CsvThroughputTest().measure();
    }

    @Test
    void measure() throws Exception {
        String file = System.getenv("SPILLWAY_CSV_PERF_FILE");
        assumeTrue(file != null, "set SPILLWAY_CSV_PERF_FILE to measure");
        int threads = Integer.parseInt(System.getenv().getOrDefault("SPILLWAY_CSV_PERF_THREADS", "1"));
        long start = System.nanoTime();
        CsvSource source = CsvSource.of(file);
        long sniffed = System.nanoTime();
        System.out.printf("sniff %.1f ms: %s %s%n", (sniffed - start) / 1e6, source.describe(), source.schema());
        List<Integer> all = IntStream.range(0, source.schema().size()).boxed().toList();
        for (int round = 0; round < Integer.parseInt(System.getenv().getOrDefault("SPILLWAY_CSV_PERF_ROUNDS", "2")); round++) {
            List<ScanTask> tasks = source.plan(new ScanSpec(all, List.of(), 8192, 32L << 20));
            AtomicLong rows = new AtomicLong();
            AtomicLong cpuNanos = new AtomicLong();
            long begin = System.nanoTime();
            try (BufferAllocator allocator = TestAllocators.newRoot(); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> futures = tasks.stream().<Future<?>>map(task -> pool.submit(() -> {
                    long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    try (BatchReader reader = task.open(new ScanContext(allocator, 8192, () -> false))) {
                        for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                            rows.addAndGet(batch.rowCount());
                            batch.close();
                        }
                    }
                    cpuNanos.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart);
                })).toList();
                for (Future<?> future : futures) {
                    future.get();
                }
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            double cpuSeconds = cpuNanos.get() / 1e9;
            System.out.printf("round %d: %d tasks, %d rows, %.2f s wall, %.0f MB/s with %d threads; %.2f s CPU, %.0f MB/s per core%n", round,
                    tasks.size(), rows.get(), seconds, source.estimatedBytes() / 1e6 / seconds, threads, cpuSeconds,
                    source.estimatedBytes() / 1e6 / cpuSeconds);
        }
    }
}
