package dev.spillway.io.parquet;

import dev.spillway.data.Batch;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanTask;
import dev.spillway.io.tpch.TpchSource;
import dev.spillway.testing.TableScans;
import dev.spillway.testing.TestAllocators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writer throughput on TPC-H lineitem batches generated up front (so generation is not measured). Not a
 * unit test: run by hand, e.g. {@code java ... dev.spillway.io.parquet.ParquetWriteBenchmark 0.2 /tmp}
 * (scale factor, output directory).
 */
public final class ParquetWriteBenchmark {
    private ParquetWriteBenchmark() {}

    public static void main(String[] args) throws Exception {
        double scaleFactor = args.length > 0 ? Double.parseDouble(args[0]) : 0.2;
        Path dir = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir"));
        try (BufferAllocator allocator = TestAllocators.newRoot()) {
            TpchSource lineitem = new TpchSource("lineitem", scaleFactor);
            List<Batch> batches = new ArrayList<>();
            ScanContext context = new ScanContext(allocator, 16_384, () -> false);
            for (ScanTask task : lineitem.plan(TableScans.allColumns(lineitem, 16_384))) {
                try (BatchReader reader = task.open(context)) {
                    Batch batch;
                    while ((batch = reader.next()) != null) {
                        batches.add(batch);
                    }
                }
            }
            long rows = batches.stream().mapToLong(Batch::rowCount).sum();
            long arrowBytes = batches.stream().mapToLong(Batch::sizeInBytes).sum();
            try {
                for (int run = 0; run < 2; run++) {
                    for (ParquetCompression compression : ParquetCompression.values()) {
                        Path file = dir.resolve("write-benchmark-" + compression + ".parquet");
                        long cpu = threadCpuNanos();
                        long start = System.nanoTime();
                        try (ParquetBatchWriter writer = new ParquetBatchWriter(file, lineitem.schema(),
                                ParquetWriteOptions.defaults().withCompression(compression), allocator)) {
                            for (Batch batch : batches) {
                                writer.write(batch);
                            }
                            writer.commit();
                        }
                        double seconds = (System.nanoTime() - start) / 1e9;
                        double cpuSeconds = (threadCpuNanos() - cpu) / 1e9;
                        System.out.printf(Locale.ROOT, "write lineitem sf %s %-12s: %6.0f ms wall %6.0f ms cpu, %4.2f M rows/s, "
                                        + "%5.0f MB/s of Arrow input, %5.1f MB/s of Parquet output (%d MB)%n",
                                scaleFactor, compression, seconds * 1000, cpuSeconds * 1000, rows / cpuSeconds / 1e6,
                                arrowBytes / cpuSeconds / 1e6, Files.size(file) / cpuSeconds / 1e6, Files.size(file) >> 20);
                        Files.delete(file);
                    }
                }
            } finally {
                batches.forEach(Batch::close);
            }
        }
    }

    private static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
