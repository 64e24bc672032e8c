package dev.spillway.bench.throughput;

/**
 * How fast Spillway's spill path wrote and read back batches, as {@link SpillThroughputMeter} measured it.
 *
 * @param arrowBytes   the batches' Arrow buffers (what an operator hands to the spill writer), written and read
 * @param diskBytes    the spill file's size: the Arrow IPC stream after ZSTD compression
 * @param writeNanos   from the first batch to the file being closed and forced to the disk
 * @param readNanos    reading every batch back
 * @param readFromDisk whether the page cache was dropped before reading; if not, the read measured memory
 */
public record SpillThroughput(long arrowBytes, long diskBytes, long writeNanos, long readNanos, boolean readFromDisk) {
    public double writeArrowMiBPerSecond() {
        return Rates.mebibytesPerSecond(arrowBytes, writeNanos);
    }

    public double writeDiskMiBPerSecond() {
        return Rates.mebibytesPerSecond(diskBytes, writeNanos);
    }

    public double readArrowMiBPerSecond() {
        return Rates.mebibytesPerSecond(arrowBytes, readNanos);
    }

    public double readDiskMiBPerSecond() {
        return Rates.mebibytesPerSecond(diskBytes, readNanos);
    }

    /** Arrow bytes per byte on disk. */
    public double compressionRatio() {
        return diskBytes == 0 ? 0 : (double) arrowBytes / diskBytes;
    }
}
