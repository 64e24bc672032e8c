package dev.spillway.bench.throughput;

import dev.spillway.bench.worker.ChildJvm;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The harness's side of the throughput measurement: runs {@link ThroughputMain} in a child JVM and reads its result. */
public final class ThroughputProbe {
    private ThroughputProbe() {}

    /**
     * Measures the disk under {@code folder} and Spillway's spill path into it, before anything is timed.
     *
     * @param bytes         written by each of the two measurements
     * @param dropPageCache whether reads should come from the disk (needs root; machine-wide)
     */
    public static StorageThroughput measure(ChildJvm jvm, Path folder, long bytes, boolean dropPageCache, PrintStream log)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path result = Files.createTempFile(folder, "throughput-", ".properties");
        try {
            log.printf("Measuring the disk and the spill path in %s (%d bytes each, not timed)...%n", folder, bytes);
            int exit = jvm.runToCompletion(ThroughputMain.class,
                    List.of(folder.toString(), Long.toString(bytes), Boolean.toString(dropPageCache), result.toString()));
            if (exit != 0) {
                throw new IOException("the throughput measurement failed (exit code " + exit + "); see the messages above");
            }
            StorageThroughput throughput = StorageThroughput.read(result);
            throughput.describe().forEach(log::println);
            return throughput;
        } finally {
            Files.deleteIfExists(result);
        }
    }
}
