package dev.spillway.bench.throughput;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Measures how fast the disk under a folder writes and reads one large file sequentially: the ceiling for
 * any engine spilling there. Blocks of 8 MiB through a {@link FileChannel}, the write ended by {@code
 * force()} so that it is timed to the disk and not to the page cache; the read after dropping the page
 * cache where that is allowed ({@link PageCache}).
 */
public final class DiskBandwidthMeter {
    static final int BLOCK_BYTES = 8 << 20;

    private DiskBandwidthMeter() {}

    /**
     * Writes {@code bytes} to a new file in {@code folder}, reads it back, deletes it.
     *
     * @param dropPageCache whether to try to drop the page cache before reading (machine-wide: it slows
     *                      everything else running for a moment, so tests do not)
     */
    public static DiskBandwidth measure(Path folder, long bytes, boolean dropPageCache) throws IOException {
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes must be positive");
        }
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "disk-bandwidth-", ".tmp");
        try {
            ByteBuffer block = randomBlock();
            long writeStart = System.nanoTime();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                for (long written = 0; written < bytes; ) {
                    block.clear().limit((int) Math.min(BLOCK_BYTES, bytes - written));
                    while (block.hasRemaining()) {
                        written += channel.write(block);
                    }
                }
                channel.force(true);
            }
            long writeNanos = System.nanoTime() - writeStart;
            boolean fromDisk = dropPageCache && PageCache.drop();
            long readStart = System.nanoTime();
            long read = 0;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                for (int n; (n = channel.read(block.clear())) >= 0; ) {
                    read += n;
                }
            }
            long readNanos = System.nanoTime() - readStart;
            if (read != bytes) {
                throw new IOException("read " + read + " bytes back from " + file + " but wrote " + bytes);
            }
            return new DiskBandwidth(bytes, writeNanos, readNanos, fromDisk);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Random bytes, so that a file system or disk that compresses cannot make the file smaller than it is. */
    private static ByteBuffer randomBlock() {
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK_BYTES);
        SplittableRandom random = new SplittableRandom(42);
        while (block.remaining() >= Long.BYTES) {
            block.putLong(random.nextLong());
        }
        return block;
    }
}
