package dev.spillway.bench.throughput;

/**
 * The sequential bandwidth of the disk under a folder, as {@link DiskBandwidthMeter} measured it.
 *
 * @param bytes        written, then read back
 * @param writeNanos   from opening the file to the end of {@code force()}: the bytes are on the disk
 * @param readNanos    reading the file back
 * @param readFromDisk whether the page cache was dropped before reading; if not, the read measured memory
 */
public record DiskBandwidth(long bytes, long writeNanos, long readNanos, boolean readFromDisk) {
    public double writeMiBPerSecond() {
        return Rates.mebibytesPerSecond(bytes, writeNanos);
    }

    public double readMiBPerSecond() {
        return Rates.mebibytesPerSecond(bytes, readNanos);
    }
}
