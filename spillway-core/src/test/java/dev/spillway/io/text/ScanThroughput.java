package dev.spillway.io.text;

import dev.spillway.data.Batch;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.io.TableSource;
import dev.spillway.testing.TestAllocators;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Measures a source's scan throughput (all columns, 32 MB tasks, 8192-row batches) in wall time and in CPU time
 * per core, which stays meaningful on a machine shared with other work.
 */
public final class ScanThroughput {
    private ScanThroughput() {}

    public static void measure(Supplier<TableSource> sources, int threads, int rounds) throws Exception {
        long start = System.nanoTime();
        TableSource source = sources.get();
        System.out.printf("open (sniff) %.1f ms: %s %s%n", (System.nanoTime() - start) / 1e6, source.describe(), source.schema());
        List<Integer> all = IntStream.range(0, source.schema().size()).boxed().toList();
        for (int round = 0; round < rounds; round++) {
            List<ScanTask> tasks = source.plan(new ScanSpec(all, List.of(), 8192, 32L << 20));
            AtomicLong rows = new AtomicLong();
            AtomicLong cpuNanos = new AtomicLong();
            long begin = System.nanoTime();
            try (BufferAllocator allocator = TestAllocators.newRoot(); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> futures = tasks.stream().<Future<?>>map(task -> pool.submit(() -> {
                    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    try (BatchReader reader = task.open(new ScanContext(allocator, 8192, () -> false))) {
                        for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                            rows.addAndGet(batch.rowCount());
                            batch.close();
                        }
                    }
                    cpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart);
                })).toList();
                for (Future<?> future : futures) {
                    future.get();
                }
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            double cpuSeconds = cpuNanos.get() / 1e9;
            double megabytes = source.estimatedBytes() / 1e6;
            System.out.printf("round %d: %d tasks, %d rows, %.2f s wall, %.0f MB/s with %d threads; %.2f s CPU, %.0f MB/s per core%n", round,
                    tasks.size(), rows.get(), seconds, megabytes / seconds, threads, cpuSeconds, megabytes / cpuSeconds);
        }
    }

    /** Settings from the environment: {@code SPILLWAY_PERF_FILE}, {@code SPILLWAY_PERF_THREADS}, {@code SPILLWAY_PERF_ROUNDS}. */
    public static String file() {
        return System.getenv("SPILLWAY_PERF_FILE");
    }

    public static int threads() {
        return Integer.parseInt(System.getenv().getOrDefault("SPILLWAY_PERF_THREADS", "1"));
    }

    public static int rounds() {
        return Integer.parseInt(System.getenv().getOrDefault("SPILLWAY_PERF_ROUNDS", "2"));
    }
}
