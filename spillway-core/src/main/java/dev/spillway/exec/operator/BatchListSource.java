package dev.spillway.exec.operator;

import dev.spillway.data.Batch;
import dev.spillway.exec.pipeline.Source;
import dev.spillway.io.BatchReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Serves batches held in memory (a finished sink's output), one batch per task. Batches not handed
 * out are closed with the source.
 */
public final class BatchListSource implements Source {
    private final Deque<Batch> batches;
    private final boolean ordered;

    public BatchListSource(List<Batch> batches, boolean ordered) {
        this.batches = new ArrayDeque<>(batches);
        this.ordered = ordered;
    }

    @Override
    public synchronized BatchReader nextTask() {
        Batch batch = batches.pollFirst();
        return batch == null ? null : single(batch);
    }

    @Override
    public boolean ordered() {
        return ordered;
    }

    @Override
    public synchronized int maxParallelism() {
        return Math.max(1, batches.size());
    }

    /** A reader returning one batch, closing it if never read. */
    public static BatchReader single(Batch batch) {
        return new BatchReader() {
            private Batch pending = batch;

            @Override
            public Batch next() {
                Batch result = pending;
                pending = null;
                return result;
            }

            @Override
            public void close() {
                if (pending != null) {
                    pending.close();
                    pending = null;
                }
            }
        };
    }

    @Override
    public synchronized void close() {
        List<Batch> rest = new ArrayList<>(batches);
        batches.clear();
        rest.forEach(Batch::close);
    }
}
