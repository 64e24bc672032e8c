package dev.spillway.exec.pipeline;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryContext;

/**
 * The end of a pipeline: absorbs all batches (aggregation, join build, sort, results). Workers feed
 * thread-local {@link Worker}s; {@link #finish} runs once when all of them are done, after which a
 * materializing sink can serve as the source of the next pipeline.
 */
public interface Sink extends AutoCloseable {
    Worker newWorker(QueryContext context);

    /** True once the sink needs no more input (a LIMIT that has its rows); workers then stop reading. */
    default boolean isSatisfied() {
        return false;
    }

    /** Every worker has called {@link Worker#finishWorker}; combine and finalize. */
    void finish(QueryContext context);

    @Override
    default void close() {}

    /** Thread-local absorbing state. */
    interface Worker extends AutoCloseable {
        /** Takes ownership of the batch. */
        void accept(Batch batch);

        /** Workers process source tasks in ascending order; order-preserving sinks use these marks. */
        default void startTask(int task) {}

        default void endTask(int task) {}

        /** This worker's input has ended; publish thread-local state to the shared sink. */
        default void finishWorker() {}

        @Override
        default void close() {}
    }
}
