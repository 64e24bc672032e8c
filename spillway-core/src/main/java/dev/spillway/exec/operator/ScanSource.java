package dev.spillway.exec.operator;

import dev.spillway.data.Batch;
import dev.spillway.errors.SpillwayException;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.pipeline.Source;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanTask;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out scan tasks in order. A task is opened by the worker that reads it, on first read, so
 * handing out tasks stays cheap and opening files happens in parallel.
 */
public final class ScanSource implements Source {
    private final List<ScanTask> tasks;
    private final QueryContext context;
    private final AtomicInteger next = new AtomicInteger();

    public ScanSource(List<ScanTask> tasks, QueryContext context) {
        this.tasks = List.copyOf(tasks);
        this.context = context;
    }

    @Override
    public BatchReader nextTask() {
        int index = next.getAndIncrement();
        if (index >= tasks.size()) {
            return null;
        }
        ScanTask task = tasks.get(index);
        return new BatchReader() {
            private BatchReader reader;
            private boolean finished;

            @Override
            public Batch next() {
                try {
                    if (reader == null) {
                        reader = task.open(new ScanContext(context.scanAllocator(), context.config().targetBatchRows(), context::isCancelled));
                    }
                    Batch batch = reader.next();
                    if (batch != null) {
                        context.scanned(batch.rowCount());
                    } else if (!finished) {
                        finished = true;
                        context.scanTaskDone(task);
                    }
                    return batch;
                } catch (SpillwayException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new SpillwayException(e instanceof java.io.UncheckedIOException ? dev.spillway.errors.ErrorKind.IO
                            : dev.spillway.errors.ErrorKind.INTERNAL, "reading " + task.describe() + ": " + e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                if (reader != null) {
                    reader.close();
                }
            }
        };
    }

    @Override
    public boolean ordered() {
        return false;
    }

    @Override
    public int maxParallelism() {
        return Math.max(1, tasks.size());
    }
}
