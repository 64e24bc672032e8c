package dev.spillway.bench.worker;

import java.time.Duration;

/** How one run of one query in one worker ended, as the harness saw it. */
public sealed interface RunOutcome {
    /** Finished; {@code peakRssBytes} is -1 if unknown. */
    record Completed(long nanos, long rows, long peakRssBytes) implements RunOutcome {}

    /** The engine reported an error, or the worker died. */
    record Failed(String message) implements RunOutcome {}

    /** No answer within the timeout; the worker was killed. */
    record TimedOut(Duration timeout) implements RunOutcome {}
}
