package dev.spillway.exec.sort;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.operator.BatchListSource;
import dev.spillway.exec.pipeline.Sink;
import dev.spillway.exec.pipeline.Source;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import dev.spillway.memory.MemoryConsumer;
import dev.spillway.memory.MemoryTag;
import org.apache.arrow.memory.BufferAllocator;

/**
 * ORDER BY, and ORDER BY ... LIMIT as a top-N. A full sort collects every batch and sorts row
 * references once at the end. A top-N keeps each worker's buffer trimmed to the best
 * {@code offset + limit} rows whenever it grows past a few times that, so its memory stays small.
 * The output is an ordered source (read by one worker, in order).
 */
public final class SortSink implements Sink {
    private final String name;
    private final Schema schema;
    private final List<SortSpec> keys;
    private final long offset;
    private final long limit;
    private final List<Batch> collected = new ArrayList<>();
    private MemoryConsumer memory;
    private List<Batch> output = List.of();

    /** @param limit rows to keep after {@code offset}, or -1 to keep all (a full sort) */
    public SortSink(String name, Schema schema, List<SortSpec> keys, long offset, long limit) {
        this.name = name;
        this.schema = schema;
        this.keys = List.copyOf(keys);
        this.offset = offset;
        this.limit = limit;
    }

    private boolean topN() {
        return limit >= 0;
    }

    private synchronized BufferAllocator allocator(QueryContext context) {
        if (memory == null) {
            memory = context.consumer(name, MemoryTag.ORDER_BY, null);
        }
        return memory.allocator();
    }

    @Override
    public Worker newWorker(QueryContext context) {
        BufferAllocator target = allocator(context);
        int batchRows = context.config().targetBatchRows();
        return new Worker() {
            private final List<Batch> buffer = new ArrayList<>();
            private long buffered;

            @Override
            public void accept(Batch batch) {
                buffer.add(dev.spillway.data.Batches.transfer(batch, target));
                buffered += batch.rowCount();
                long keep = offset + limit;
                if (topN() && buffered > Math.max(4 * keep, 4L * batchRows)) {
                    trim(keep);
                }
            }

            private void trim(long keep) {
                List<Batch> best = SortedRuns.sort(schema, buffer, keys, 0, keep, batchRows, target);
                buffer.forEach(Batch::close);
                buffer.clear();
                buffer.addAll(best);
                buffered = dev.spillway.data.Batches.rowCount(best);
            }

            @Override
            public void finishWorker() {
                if (topN()) {
                    trim(offset + limit);
                }
                synchronized (SortSink.this) {
                    collected.addAll(buffer);
                }
                buffer.clear();
            }

            @Override
            public void close() {
                buffer.forEach(Batch::close);
                buffer.clear();
            }
        };
    }

    @Override
    public synchronized void finish(QueryContext context) {
        long keep = topN() ? limit : Long.MAX_VALUE;
        output = SortedRuns.sort(schema, collected, keys, topN() ? offset : 0, keep, context.config().targetBatchRows(), context.allocator());
        collected.forEach(Batch::close);
        collected.clear();
    }

    /** The sorted rows; valid after {@link #finish}. */
    public Source output() {
        List<Batch> batches = output;
        output = List.of();
        return new BatchListSource(batches, true);
    }

    @Override
    public synchronized void close() {
        collected.forEach(Batch::close);
        collected.clear();
        output.forEach(Batch::close);
        output = List.of();
        if (memory != null) {
            memory.close();
        }
    }
}
