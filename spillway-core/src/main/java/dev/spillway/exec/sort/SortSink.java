package dev.spillway.exec.sort;

import dev.spillway.data.Batch;
import dev.spillway.data.Batches;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.operator.BatchListSource;
import dev.spillway.exec.pipeline.Sink;
import dev.spillway.exec.pipeline.Source;
import dev.spillway.io.BatchReader;
import dev.spillway.memory.MemoryConsumer;
import dev.spillway.memory.MemoryTag;
import dev.spillway.memory.Spillable;
import dev.spillway.spill.SpillFile;
import dev.spillway.spill.SpillWriter;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * ORDER BY (an external sort), and ORDER BY ... LIMIT as a top-N.
 *
 * <p>Algorithm: workers buffer their batches. A full sort that runs short of memory (the pool asks, or
 * this operator holds more than its share under pressure) sorts a buffer into a run and writes it to a
 * spill file; buffers of finished workers can be spilled the same way by whichever thread needs memory.
 * At the end, with nothing spilled, everything is sorted in memory; otherwise the rest becomes one more
 * run and the runs are merged: {@value #FAN_IN} at a time into new runs until few enough remain, then
 * streamed to the output by one final merge that holds a batch per run. A top-N keeps each worker's
 * buffer trimmed to the best {@code offset + limit} rows and never needs the disk.
 */
public final class SortSink implements Sink, Spillable {
    /** Runs merged at once: bounds the merge's memory to this many batches. */
    static final int FAN_IN = 32;
    /** A LIMIT larger than this is sorted like a full ORDER BY (then cut), so it can spill. */
    private static final long MAX_TOP_N = 100_000;

    private final String name;
    private final Schema schema;
    private final List<SortSpec> keys;
    private final long offset;
    private final long limit;
    private final List<List<Batch>> idle = new ArrayList<>();
    private final List<SortedRun> runs = new ArrayList<>();
    private MemoryConsumer memory;
    private QueryContext context;
    private Source output;

    /** @param limit rows to keep after {@code offset}, or -1 to keep all (a full sort) */
    public SortSink(String name, Schema schema, List<SortSpec> keys, long offset, long limit) {
        this.name = name;
        this.schema = schema;
        this.keys = List.copyOf(keys);
        this.offset = offset;
        this.limit = limit;
    }

    private boolean topN() {
        return limit >= 0 && offset + limit <= MAX_TOP_N;
    }

    private synchronized MemoryConsumer memory(QueryContext queryContext) {
        if (memory == null) {
            context = queryContext;
            memory = queryContext.consumer(name, MemoryTag.ORDER_BY, topN() ? null : this);
        }
        return memory;
    }

    @Override
    public Worker newWorker(QueryContext queryContext) {
        MemoryConsumer consumer = memory(queryContext);
        int batchRows = queryContext.config().targetBatchRows();
        return new Worker() {
            private List<Batch> buffer = new ArrayList<>();
            private long buffered;

            @Override
            public void accept(Batch batch) {
                try {
                    if (!topN() && !buffer.isEmpty() && consumer.shouldSpill()) {
                        List<Batch> full = buffer;
                        buffer = new ArrayList<>();
                        buffered = 0;
                        spillRun(full);
                    }
                } catch (RuntimeException | Error e) {
                    batch.close();
                    throw e;
                }
                buffer.add(Batches.transfer(batch, consumer.allocator()));
                buffered += batch.rowCount();
                long keep = offset + limit;
                if (topN() && buffered > Math.max(4 * keep, 4L * batchRows)) {
                    trim(keep);
                }
            }

            private void trim(long keep) {
                List<Batch> best = SortedRuns.sort(schema, buffer, keys, 0, keep, batchRows, consumer.allocator());
                buffer.forEach(Batch::close);
                buffer = new ArrayList<>(best);
                buffered = Batches.rowCount(best);
            }

            @Override
            public void finishWorker() {
                if (topN()) {
                    trim(offset + limit);
                }
                synchronized (SortSink.this) {
                    idle.add(buffer);
                }
                buffer = new ArrayList<>();
            }

            @Override
            public void close() {
                buffer.forEach(Batch::close);
                buffer.clear();
            }
        };
    }

    /** Sorts the batches (consumed) into a run on disk. */
    private void spillRun(List<Batch> batches) {
        SpillFile file = context.tempStorage().newFile(name, MemoryTag.ORDER_BY);
        try {
            try (SpillWriter writer = file.writer(schema)) {
                SortedRuns.sortTo(schema, batches, keys, context.config().targetBatchRows(), memory.allocator(), sorted -> {
                    try (sorted) {
                        writer.write(sorted);
                    }
                });
            } finally {
                batches.forEach(Batch::close);
            }
            memory.spilled(file.size(), 1);
            synchronized (this) {
                runs.add(new SortedRun.Spilled(file));
            }
        } catch (RuntimeException | Error e) {
            file.close();
            throw e;
        }
    }

    /** Called by the pool from any thread: writes the buffers of finished workers as runs. */
    @Override
    public long spill(long bytes) {
        List<List<Batch>> buffers;
        synchronized (this) {
            if (output != null || context == null) {
                return 0;
            }
            buffers = new ArrayList<>(idle);
            idle.clear();
        }
        long before = memory.allocated();
        for (List<Batch> buffer : buffers) {
            if (!buffer.isEmpty()) {
                spillRun(buffer);
            }
        }
        return Math.max(0, before - memory.allocated());
    }

    @Override
    public synchronized void finish(QueryContext queryContext) {
        memory(queryContext);
        List<Batch> remaining = new ArrayList<>();
        idle.forEach(remaining::addAll);
        idle.clear();
        int batchRows = context.config().targetBatchRows();
        long input = 0;
        for (Batch batch : remaining) {
            input += batch.sizeInBytes();
        }
        // Sorting in memory copies the rows into sorted batches: only when that second copy fits.
        boolean fitsTwice = topN() || context.pool().limit() - context.pool().used() > input + (input >> 3);
        if (runs.isEmpty() && fitsTwice) {
            long skip = limit >= 0 ? offset : 0;
            long keep = limit >= 0 ? limit : Long.MAX_VALUE;
            try {
                output = new BatchListSource(SortedRuns.sort(schema, remaining, keys, skip, keep, batchRows, context.allocator()), true);
            } finally {
                remaining.forEach(Batch::close);
            }
            return;
        }
        if (!remaining.isEmpty()) {
            // Memory is already short (runs were spilled): the rest goes to disk too, one output batch at a time.
            spillRun(remaining);
        }
        while (runs.size() > FAN_IN) {
            mergeIntoOneRun(new ArrayList<>(runs.subList(0, FAN_IN)));
        }
        List<SortedRun> finalRuns = new ArrayList<>(runs);
        runs.clear();
        output = new MergeSource(finalRuns, limit >= 0 ? offset : 0, limit);
    }

    /** One pass of a multi-pass merge: the given runs become one spilled run. */
    private void mergeIntoOneRun(List<SortedRun> group) {
        runs.removeAll(group);
        SpillFile file = context.tempStorage().newFile(name + "-merged", MemoryTag.ORDER_BY);
        try (RunMerger merger = new RunMerger(group, schema, keys, context.config().targetBatchRows(), memory.allocator(),
                memory.allocator(), 0, -1, context::isCancelled);
                SpillWriter writer = file.writer(schema)) {
            for (Batch batch = merger.next(); batch != null; batch = merger.next()) {
                try (Batch merged = batch) {
                    writer.write(merged);
                }
            }
        } catch (RuntimeException | Error e) {
            file.close();
            throw e;
        } finally {
            group.forEach(SortedRun::close);
        }
        context.checkRunning();
        memory.spilled(file.size(), 1);
        runs.add(new SortedRun.Spilled(file));
    }

    /** The final merge as an ordered, single-task source. */
    private final class MergeSource implements Source {
        private List<SortedRun> pending;
        private final long skip;
        private final long keep;

        MergeSource(List<SortedRun> runs, long skip, long keep) {
            this.pending = runs;
            this.skip = skip;
            this.keep = keep;
        }

        @Override
        public synchronized BatchReader nextTask() {
            if (pending == null) {
                return null;
            }
            List<SortedRun> taken = pending;
            pending = null;
            RunMerger merger = new RunMerger(taken, schema, keys, context.config().targetBatchRows(), memory.allocator(),
                    context.allocator(), skip, keep, context::isCancelled);
            return new BatchReader() {
                @Override
                public Batch next() {
                    return merger.next();
                }

                @Override
                public void close() {
                    merger.close();
                    taken.forEach(SortedRun::close);
                }
            };
        }

        @Override
        public boolean ordered() {
            return true;
        }

        @Override
        public synchronized void close() {
            if (pending != null) {
                pending.forEach(SortedRun::close);
                pending = null;
            }
        }
    }

    /** The sorted rows; valid after {@link #finish}; closed by the pipeline that reads it. */
    public synchronized Source output() {
        Source result = output;
        output = null;
        return result;
    }

    @Override
    public synchronized void close() {
        idle.forEach(list -> list.forEach(Batch::close));
        idle.clear();
        runs.forEach(SortedRun::close);
        runs.clear();
        if (output != null) {
            output.close();
            output = null;
        }
        if (memory != null) {
            memory.close();
        }
    }
}
