package dev.spillway.exec.pipeline;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryContext;

/**
 * The per-query state of an operator that transforms batches as they stream by (project, filter,
 * join probe). Each worker thread gets its own {@link Worker}; shared state lives here.
 */
public interface StreamingOperator extends AutoCloseable {
    Worker newWorker(QueryContext context);

    /**
     * Called once on one thread after every worker has finished, for operators that still owe rows
     * (the unmatched build rows of a right or full outer join).
     */
    default void finish(QueryContext context, BatchConsumer downstream) {}

    @Override
    default void close() {}

    /** Thread-local processing state. */
    interface Worker extends AutoCloseable {
        /** Takes ownership of {@code input} and pushes zero or more batches downstream. */
        void process(Batch input, BatchConsumer downstream);

        @Override
        default void close() {}
    }
}
