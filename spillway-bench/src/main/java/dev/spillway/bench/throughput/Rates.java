package dev.spillway.bench.throughput;

/** Bytes over time as people compare them: MiB per second. */
final class Rates {
    private Rates() {}

    static double mebibytesPerSecond(long bytes, long nanos) {
        return nanos <= 0 ? 0 : bytes / (1024.0 * 1024.0) / (nanos / 1e9);
    }
}
