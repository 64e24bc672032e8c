package dev.spillway.exec.operator;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.pipeline.Sink;

/**
 * Hands result batches to the consumer through a bounded channel; a slow consumer therefore pauses
 * the query. When insertion order matters, batches are put back into task (file) order first.
 */
public final class ResultSink implements Sink {
    private final BatchChannel channel;
    private final TaskOrderedBuffer order;

    public ResultSink(BatchChannel channel, boolean preserveOrder, QueryContext context) {
        this.channel = channel;
        this.order = preserveOrder ? new TaskOrderedBuffer(context.config().targetMaxBatchBytes() * 8, context) : null;
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
                if (batch.rowCount() == 0) {
                    batch.close();
                } else if (order == null) {
                    channel.put(batch);
                } else {
                    order.accept(task, batch, channel::put);
                }
            }

            @Override
            public void endTask(int taskNumber) {
                if (order != null) {
                    order.endTask(taskNumber, channel::put);
                }
            }
        };
    }

    @Override
    public void finish(QueryContext context) {
        channel.finish(null);
    }

    @Override
    public void close() {
        if (order != null) {
            order.close();
        }
    }
}
