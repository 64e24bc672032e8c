package dev.spillway.bench.harness;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How often each engine runs each query, and how long one run may take.
 *
 * @param warmupRuns runs before the timed ones, whose times are not reported. The first run of all writes
 *                   the full answer for the comparison, materializing every row: with at least one warm-up
 *                   run no timed run pays for that. With none, the first timed run does, which suits only
 *                   suites whose answers are a few rows and whose runs are too long to repeat (out-of-core)
 * @param timedRuns  runs whose times are reported (median and min)
 * @param timeout    for each single run
 */
public record RunPolicy(int warmupRuns, int timedRuns, Duration timeout) {
    public RunPolicy {
        requireNonNull(timeout, "timeout is null");
        if (warmupRuns < 0) {
            throw new IllegalArgumentException("the number of warm-up runs cannot be negative");
        }
        if (timedRuns < 1) {
            throw new IllegalArgumentException("at least one timed run is needed");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
    }
}
