package dev.spillway.bench.report;

import static java.util.Objects.requireNonNull;

import dev.spillway.bench.engine.EngineKind;
import dev.spillway.bench.rss.RunRss;
import dev.spillway.bench.tempfiles.RunTempSpace;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One engine's measurements for one query.
 *
 * @param timedNanos    the timed runs that completed (warm-ups excluded)
 * @param rss           of the timed run with the largest peak RSS (unknown if none completed or not measured)
 * @param tempSpace     of the timed run with the most bytes in temporary files (unknown if none completed)
 * @param error         what went wrong when the status is not COMPLETED, else empty
 */
public record EngineResult(EngineKind engine, Status status, List<Long> timedNanos, RunRss rss, RunTempSpace tempSpace, String error) {
    public enum Status {
        COMPLETED,
        ERROR,
        TIMEOUT
    }

    public EngineResult {
        requireNonNull(engine, "engine is null");
        requireNonNull(status, "status is null");
        timedNanos = List.copyOf(timedNanos);
        requireNonNull(rss, "rss is null");
        requireNonNull(tempSpace, "tempSpace is null");
        requireNonNull(error, "error is null");
        if (status == Status.COMPLETED && timedNanos.isEmpty()) {
            throw new IllegalArgumentException("a completed result needs at least one timed run");
        }
    }

    public static EngineResult completed(EngineKind engine, List<Long> timedNanos, RunRss rss, RunTempSpace tempSpace) {
        return new EngineResult(engine, Status.COMPLETED, timedNanos, rss, tempSpace, "");
    }

    public static EngineResult failed(EngineKind engine, Status status, String error) {
        return new EngineResult(engine, status, Collections.emptyList(), RunRss.UNKNOWN, RunTempSpace.UNKNOWN, error);
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
        return completed() && rss.peakBytes() >= 0 ? OptionalLong.of(mebibytes(rss.peakBytes())) : OptionalLong.empty();
    }

    /** The RSS when the run with the largest peak started. */
    public OptionalLong startRssMiB() {
        return completed() && rss.startBytes() >= 0 ? OptionalLong.of(mebibytes(rss.startBytes())) : OptionalLong.empty();
    }

    public OptionalLong peakTempMiB() {
        return completed() && tempSpace.peakBytes() >= 0 ? OptionalLong.of(mebibytes(tempSpace.peakBytes())) : OptionalLong.empty();
    }

    /** The temporary files already there when the run with the largest peak started (left by earlier queries). */
    public OptionalLong startTempMiB() {
        return completed() && tempSpace.startBytes() >= 0 ? OptionalLong.of(mebibytes(tempSpace.startBytes())) : OptionalLong.empty();
    }

    private static long mebibytes(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }
}
