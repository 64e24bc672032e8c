package dev.spillway.bench.report;

import static java.util.Objects.requireNonNull;

import dev.spillway.bench.engine.EngineKind;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One engine's measurements for one query.
 *
 * @param timedNanos    the timed runs that completed (warm-ups excluded)
 * @param peakRssBytes  the largest peak RSS over the timed runs, or -1 if unknown
 * @param error         what went wrong when the status is not COMPLETED, else empty
 */
public record EngineResult(EngineKind engine, Status status, List<Long> timedNanos, long peakRssBytes, String error) {
    public enum Status {
        COMPLETED,
        ERROR,
        TIMEOUT
    }

    public EngineResult {
        requireNonNull(engine, "engine is null");
        requireNonNull(status, "status is null");
        timedNanos = List.copyOf(timedNanos);
        requireNonNull(error, "error is null");
        if (status == Status.COMPLETED && timedNanos.isEmpty()) {
            throw new IllegalArgumentException("a completed result needs at least one timed run");
        }
    }

    public static EngineResult completed(EngineKind engine, List<Long> timedNanos, long peakRssBytes) {
        return new EngineResult(engine, Status.COMPLETED, timedNanos, peakRssBytes, "");
    }

    public static EngineResult failed(EngineKind engine, Status status, String error) {
        return new EngineResult(engine, status, Collections.emptyList(), -1, error);
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }

    public OptionalDouble medianMillis() {
        return completed() ? OptionalDouble.of(Statistics.median(timedNanos) / 1e6) : OptionalDouble.empty();
    }

    public OptionalDouble minMillis() {
        return completed() ? OptionalDouble.of(Collections.min(timedNanos) / 1e6) : OptionalDouble.empty();
    }

    public OptionalLong peakRssMiB() {
        return completed() && peakRssBytes >= 0 ? OptionalLong.of(Math.round(peakRssBytes / (1024.0 * 1024.0))) : OptionalLong.empty();
    }
}
