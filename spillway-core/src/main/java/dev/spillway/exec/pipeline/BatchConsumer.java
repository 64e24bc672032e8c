package dev.spillway.exec.pipeline;

import dev.spillway.data.Batch;

/** Receives batches pushed through a pipeline; takes ownership of each batch. */
@FunctionalInterface
public interface BatchConsumer {
    void accept(Batch batch);
}
