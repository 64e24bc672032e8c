package dev.spillway.exec.pipeline;

import dev.spillway.io.BatchReader;
import java.util.List;

/**
 * Hands out the tasks of a pipeline's sources in their natural order (branch 0's tasks, then branch 1's,
 * ...), numbering them so that order-preserving sinks can put results back in order.
 */
final class TaskDispenser {
    /** A task to run: its global number, the branch it belongs to, and its reader. */
    record Task(int ordinal, int branch, BatchReader reader) {}

    private final List<Source> sources;
    private int branch;
    private int next;

    TaskDispenser(List<Source> sources) {
        this.sources = sources;
    }

    synchronized Task next() {
        while (branch < sources.size()) {
            BatchReader reader = sources.get(branch).nextTask();
            if (reader != null) {
                return new Task(next++, branch, reader);
            }
            branch++;
        }
        return null;
    }

    /** Number of tasks handed out so far (all of them once {@link #next} returned null). */
    synchronized int handedOut() {
        return next;
    }
}
