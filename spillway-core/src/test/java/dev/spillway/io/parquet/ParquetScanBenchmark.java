package dev.spillway.io.parquet;

import dev.spillway.data.Batch;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.io.tpch.TpchData;
import dev.spillway.testing.DuckDbOracle;
import dev.spillway.testing.TestAllocators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Decode throughput of the Parquet reader on TPC-H lineitem, next to DuckDB reading the same file.
 * Not a unit test: run by hand, e.g.
 * {@code java ... dev.spillway.io.parquet.ParquetScanBenchmark /tmp/tpch-sf1 1 3}
 * (directory, scale factor, repetitions). Generates the data first if it is missing, timing the writer.
 */
public final class ParquetScanBenchmark {
    private static final List<String> Q1_COLUMNS = List.of("l_quantity", "l_extendedprice", "l_discount", "l_shipdate");

    private ParquetScanBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/tpch-sf1");
        double scaleFactor = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int threads = Runtime.getRuntime().availableProcessors();
        try (BufferAllocator allocator = TestAllocators.newRoot()) {
            Path lineitem = dir.resolve("lineitem.parquet");
            if (!Files.exists(lineitem)) {
                long start = System.nanoTime();
                TpchData.generateParquet(dir, scaleFactor, allocator);
                double seconds = (System.nanoTime() - start) / 1e9;
                long bytes = 0;
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        bytes += Files.size(file);
                    }
                }
                System.out.printf(Locale.ROOT, "generated TPC-H sf %s in %.1f s (%d MB of Parquet, %.1f MB/s written)%n",
                        scaleFactor, seconds, bytes >> 20, bytes / 1e6 / seconds);
            }
            ParquetSource source = new ParquetSource(lineitem.toString());
            List<Integer> all = IntStream.range(0, source.schema().size()).boxed().toList();
            List<Integer> q1 = Q1_COLUMNS.stream().map(name -> source.schema().require(name)).toList();
            System.out.printf(Locale.ROOT, "lineitem: %d rows, %d MB on disk, %d row groups%n", source.estimatedRows(),
                    Files.size(lineitem) >> 20, ParquetFile.open(lineitem).rowGroups().size());
            for (int run = 0; run < repetitions; run++) {
                for (int t : new int[] {1, threads}) {
                    scan(source, "all 16 columns", all, t, allocator);
                    scan(source, "4 columns (Q1)", q1, t, allocator);
                }
            }
            try (DuckDbOracle duckDb = new DuckDbOracle()) {
                String allMins = String.join(", ", source.schema().names().stream().map(n -> "min(" + n + ")").toList());
                String q1Mins = String.join(", ", Q1_COLUMNS.stream().map(n -> "min(" + n + ")").toList());
                for (int run = 0; run < repetitions; run++) {
                    for (int t : new int[] {1, threads}) {
                        duckDb.execute("SET threads = " + t);
                        duckScan(duckDb, "all 16 columns", allMins, lineitem, t, source.estimatedRows());
                        duckScan(duckDb, "4 columns (Q1)", q1Mins, lineitem, t, source.estimatedRows());
                    }
                }
            }
        }
    }

    private static void scan(ParquetSource source, String label, List<Integer> projection, int threads, BufferAllocator allocator)
            throws Exception {
        ParquetScanPlan plan = source.planScan(new ScanSpec(projection, List.of(), 8192, 32L << 20));
        List<ScanTask> tasks = plan.tasks();
        long compressed = tasks.stream().mapToLong(ScanTask::estimatedBytes).sum();
        AtomicInteger next = new AtomicInteger();
        AtomicLong rows = new AtomicLong();
        AtomicLong arrowBytes = new AtomicLong();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    ScanContext context = new ScanContext(allocator, 8192, () -> false);
                    int index;
                    while ((index = next.getAndIncrement()) < tasks.size()) {
                        try (BatchReader reader = tasks.get(index).open(context)) {
                            Batch batch;
                            while ((batch = reader.next()) != null) {
                                rows.addAndGet(batch.rowCount());
                                arrowBytes.addAndGet(batch.sizeInBytes());
                                batch.close();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "spillway %-15s %d thread(s): %6.0f ms wall %6.0f ms cpu, %5.1f M rows/s, %6.0f MB/s compressed, "
                        + "%6.0f MB/s Arrow (per wall second; %d tasks)%n",
                label, threads, seconds * 1000, cpuSeconds * 1000, rows.get() / seconds / 1e6, compressed / seconds / 1e6,
                arrowBytes.get() / seconds / 1e6, tasks.size());
    }

    /** CPU time of the whole process (all threads, DuckDB's native ones included): robust to other load on the machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void duckScan(DuckDbOracle duckDb, String label, String aggregates, Path file, int threads, long rows) {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        duckDb.query("SELECT " + aggregates + " FROM read_parquet('" + file + "')");
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "duckdb   %-15s %d thread(s): %6.0f ms wall %6.0f ms cpu, %5.1f M rows/s (min() of each column)%n",
                label, threads, seconds * 1000, cpuSeconds * 1000, rows / seconds / 1e6);
    }
}
