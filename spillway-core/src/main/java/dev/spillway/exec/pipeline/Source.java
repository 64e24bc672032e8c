package dev.spillway.exec.pipeline;

import dev.spillway.io.BatchReader;

/**
 * The start of a pipeline: hands out independent tasks to workers. Thread-safe. Task numbers are
 * ascending in the source's natural order (file order, sorted order).
 */
public interface Source extends AutoCloseable {
    /** The next task to read, or null when all tasks are taken. */
    BatchReader nextTask();

    /** True when the output order is meaningful and must be kept (a sorted result). */
    boolean ordered();

    /** Upper bound on useful parallelism (number of tasks), or Integer.MAX_VALUE if unknown. */
    default int maxParallelism() {
        return Integer.MAX_VALUE;
    }

    @Override
    default void close() {}
}
