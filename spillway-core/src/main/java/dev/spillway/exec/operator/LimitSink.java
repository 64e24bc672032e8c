package dev.spillway.exec.operator;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.pipeline.Sink;
import dev.spillway.exec.pipeline.Source;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * OFFSET/LIMIT: keeps the first {@code offset + limit} rows (in task order when insertion order
 * matters) and then reports itself satisfied, which stops the pipeline's workers: a LIMIT over a huge
 * file reads only its first batches. Its output is the kept rows after the offset.
 */
public final class LimitSink implements Sink {
    private final long offset;
    private final long limit;
    private final long needed;
    private final TaskOrderedBuffer order;
    private final List<Batch> kept = new ArrayList<>();
    private long keptRows;
    private volatile boolean satisfied;
    private List<Batch> output;

    /** @param limit maximum rows, or -1 for no limit (OFFSET only) */
    public LimitSink(long offset, long limit, boolean preserveOrder, QueryContext context) {
        this.offset = offset;
        this.limit = limit;
        this.needed = limit < 0 ? Long.MAX_VALUE : offset + limit;
        this.order = preserveOrder ? new TaskOrderedBuffer(context.config().targetMaxBatchBytes() * 8, context) : null;
        this.satisfied = needed == 0;
    }

    @Override
    public boolean isSatisfied() {
        return satisfied;
    }

    @Override
    public Worker newWorker(QueryContext context) {
        return new Worker() {
            private int task;

            @Override
            public void startTask(int taskNumber) {
                task = taskNumber;
            }

            @Override
            public void accept(Batch batch) {
                if (order == null) {
                    keep(batch);
                } else {
                    order.accept(task, batch, LimitSink.this::keep);
                }
            }

            @Override
            public void endTask(int taskNumber) {
                if (order != null) {
                    order.endTask(taskNumber, LimitSink.this::keep);
                }
            }
        };
    }

    private synchronized void keep(Batch batch) {
        if (satisfied || batch.rowCount() == 0) {
            batch.close();
            return;
        }
        kept.add(batch);
        keptRows += batch.rowCount();
        if (keptRows >= needed) {
            satisfied = true;
        }
    }

    @Override
    public synchronized void finish(QueryContext context) {
        output = new ArrayList<>();
        long skip = offset;
        long remaining = limit < 0 ? Long.MAX_VALUE : limit;
        for (Batch batch : kept) {
            int rows = batch.rowCount();
            if (skip >= rows || remaining == 0) {
                skip -= Math.min(skip, rows);
                batch.close();
                continue;
            }
            int start = (int) skip;
            int count = (int) Math.min(rows - start, remaining);
            skip = 0;
            remaining -= count;
            if (start == 0 && count == rows) {
                output.add(batch);
            } else {
                output.add(slice(batch, start, count, context));
            }
        }
        kept.clear();
    }

    private static Batch slice(Batch batch, int start, int count, QueryContext context) {
        try (batch) {
            FieldVector[] columns = new FieldVector[batch.columnCount()];
            try {
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = Vectors.slice(batch.column(i), batch.schema().type(i), start, count, context.allocator());
                }
            } catch (RuntimeException | Error e) {
                for (FieldVector column : columns) {
                    if (column != null) {
                        column.close();
                    }
                }
                throw e;
            }
            return new Batch(batch.schema(), columns, count);
        }
    }

    /** The kept rows, in order; valid after {@link #finish}. */
    public Source output() {
        List<Batch> batches = output;
        output = List.of();
        return new BatchListSource(batches, true);
    }

    @Override
    public synchronized void close() {
        if (order != null) {
            order.close();
        }
        kept.forEach(Batch::close);
        kept.clear();
        if (output != null) {
            output.forEach(Batch::close);
            output = List.of();
        }
    }
}
