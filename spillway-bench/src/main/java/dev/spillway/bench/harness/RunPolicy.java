package dev.spillway.bench.harness;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How often each engine runs each query, and how long one run may take.
 *
 * @param warmupRuns at least 1: the first warm-up run's answer is the one compared between engines, and it
 *                   materializes every row, which no timed run should pay for
 * @param timedRuns  runs whose times are reported (median and min)
 * @param timeout    for each single run
 */
public record RunPolicy(int warmupRuns, int timedRuns, Duration timeout) {
    public RunPolicy {
        requireNonNull(timeout, "timeout is null");
        if (warmupRuns < 1) {
            throw new IllegalArgumentException("at least one warm-up run is needed: its answer is the one checked");
        }
        if (timedRuns < 1) {
            throw new IllegalArgumentException("at least one timed run is needed");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
    }
}
