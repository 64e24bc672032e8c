package dev.spillway.bench.throughput;

import dev.spillway.data.Batch;
import dev.spillway.memory.MemoryTag;
import dev.spillway.spill.SpillFile;
import dev.spillway.spill.SpillReader;
import dev.spillway.spill.SpillWriter;
import dev.spillway.spill.TempStorage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Measures Spillway's own spill path, the one every spilling operator uses: {@link TempStorage} hands out a
 * {@link SpillFile}, a {@link SpillWriter} serializes batches to Arrow IPC and compresses the stream with
 * ZSTD, a {@link SpillReader} reads them back. One thread writes one file, as one operator's spill does.
 *
 * <p>Next to the disk's own bandwidth this tells which one limits spilling: if the spill path's rate in bytes
 * on disk is far below the disk's, the CPU (serializing and compressing) is the bottleneck, not the disk.
 *
 * <p>The batches are made before the clock starts and written again and again until enough bytes went
 * out; there are enough different ones (64, 32 MiB) that ZSTD's window cannot see the repetition.
 */
public final class SpillThroughputMeter {
    static final int DISTINCT_BATCHES = 64;

    private SpillThroughputMeter() {}

    /**
     * Spills at least {@code arrowBytes} of batches to a file under {@code folder}, reads them back, deletes the file.
     *
     * @param dropPageCache as for {@link DiskBandwidthMeter#measure}
     */
    public static SpillThroughput measure(Path folder, long arrowBytes, boolean dropPageCache) throws IOException {
        if (arrowBytes <= 0) {
            throw new IllegalArgumentException("arrowBytes must be positive");
        }
        try (BufferAllocator allocator = new RootAllocator();
             TempStorage storage = new TempStorage(folder, Long.MAX_VALUE)) {
            List<Batch> batches = SortRunBatches.create(DISTINCT_BATCHES, allocator);
            try (SpillFile file = storage.newFile("spill-throughput", MemoryTag.ORDER_BY)) {
                long written = 0;
                long writeStart = System.nanoTime();
                try (SpillWriter writer = file.writer(SortRunBatches.SCHEMA)) {
                    for (int i = 0; written < arrowBytes; i++) {
                        Batch batch = batches.get(i % batches.size());
                        writer.write(batch);
                        written += SortRunBatches.arrowBytes(batch);
                    }
                }
                forceToDisk(file.path());
                long writeNanos = System.nanoTime() - writeStart;
                batches.forEach(Batch::close);
                batches = List.of();

                boolean fromDisk = dropPageCache && PageCache.drop();
                long read = 0;
                long readStart = System.nanoTime();
                try (SpillReader reader = file.reader(SortRunBatches.SCHEMA, allocator)) {
                    Batch batch;
                    while ((batch = reader.next()) != null) {
                        read += SortRunBatches.arrowBytes(batch);
                        batch.close();
                    }
                }
                long readNanos = System.nanoTime() - readStart;
                if (read != written) {
                    throw new IOException("read " + read + " Arrow bytes back from " + file.path() + " but wrote " + written);
                }
                return new SpillThroughput(written, file.size(), writeNanos, readNanos, fromDisk);
            } finally {
                batches.forEach(Batch::close);
            }
        }
    }

    /**
     * The spill writer leaves the bytes in the page cache, as it should in a query; forcing them out here
     * makes the write comparable with the disk's, which is timed to the disk too.
     */
    private static void forceToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
