package dev.spillway.api;

import java.util.OptionalDouble;

/**
 * A snapshot of what the engine's running queries are doing, for progress displays: rows and bytes
 * their scans have read out of the bytes planned, the memory in use and the bytes spilled so far.
 *
 * @param bytesScanned estimated bytes of the scan tasks finished
 * @param bytesToScan  estimated bytes of all planned scan tasks (0 when unknown)
 * @param spilledBytes bytes written to spill files since the engine started
 */
public record Progress(int runningQueries, long rowsScanned, long bytesScanned, long bytesToScan, long tasksDone, long tasksTotal,
        long memoryBytes, long spilledBytes) {

    /** The share of the scans done, by estimated bytes, else by tasks; empty when nothing is planned. */
    public OptionalDouble fractionScanned() {
        if (bytesToScan > 0) {
            return OptionalDouble.of(Math.min(1.0, (double) bytesScanned / bytesToScan));
        }
        if (tasksTotal > 0) {
            return OptionalDouble.of(Math.min(1.0, (double) tasksDone / tasksTotal));
        }
        return OptionalDouble.empty();
    }
}
