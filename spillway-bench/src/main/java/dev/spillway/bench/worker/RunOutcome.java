package dev.spillway.bench.worker;

import dev.spillway.bench.rss.RunRss;
import java.time.Duration;

/** How one run of one query in one worker ended, as the harness saw it. */
public sealed interface RunOutcome {
    record Completed(long nanos, long rows, RunRss rss) implements RunOutcome {}

    /** The engine reported an error, or the worker died. */
    record Failed(String message) implements RunOutcome {}

    /** No answer within the timeout; the worker was killed. */
    record TimedOut(Duration timeout) implements RunOutcome {}
}
