package dev.spillway.exec.aggregate;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.operator.BatchListSource;
import dev.spillway.exec.pipeline.Sink;
import dev.spillway.exec.pipeline.Source;
import dev.spillway.memory.MemoryConsumer;
import dev.spillway.memory.MemoryTag;
import dev.spillway.memory.Spillable;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Hash aggregation (GROUP BY, DISTINCT, global aggregates), spilling what does not fit.
 *
 * <p>Algorithm: every worker aggregates its batches into its own table. When memory runs short (the
 * pool asks, or this operator holds more than its share under pressure), a worker writes its table's
 * groups as partial states into 64 hash partitions on disk and starts a new table; tables of finished
 * workers can be spilled the same way by whichever thread needs memory. At the end:
 * <ul>
 *   <li>nothing spilled, one table: its groups are the output;</li>
 *   <li>nothing spilled, few groups: the tables' partial states are folded into one table;</li>
 *   <li>many groups or spilled data: the tables are split into the same hash partitions and each
 *       partition (memory plus disk) is combined by a worker of the next pipeline, re-partitioning
 *       further if it still does not fit ({@link PartitionMergeSource}).</li>
 * </ul>
 * A query whose groups fit in memory never touches disk.
 */
public final class HashAggregateSink implements Sink, Spillable {
    /** Hash partitions of the first spill level. */
    private static final int SPILL_BITS = 6;
    /** Worker tables with this many groups in total are combined partition by partition, in parallel. */
    private static final long PARALLEL_MERGE_GROUPS = 100_000;
    /**
     * A worker's table holds at most this many groups; a full table is flushed to the hash partitions in
     * memory and started again. Many more groups than this (keys that rarely repeat within a table's
     * reach) gain little from a bigger table and lose much: every probe misses the CPU caches and the
     * table keeps re-growing. Small partitions are then combined in cache-sized tables.
     */
    private static final int LOCAL_GROUPS = 1 << 20;

    /**
     * A full worker table that had fewer rows than this per group reduced its input too little to be worth
     * probing: the worker then sends rows straight to the hash partitions ({@link RowScatter}), which costs
     * the merge at most this many times the rows a table would have passed on, and saves every row a probe.
     */
    private static final int SCATTER_BELOW_ROWS_PER_GROUP = 2;

    /** Rows per batch of flushed partial states. */
    private static final int FLUSH_PIECE_ROWS = 4096;

    private final AggregationLayout layout;
    private final List<GroupedAggregation> finished = new ArrayList<>();
    /** Partial states of flushed worker tables, by hash partition, kept in memory until memory runs short. */
    private final List<List<Batch>> flushed = PartitionedSpill.emptyLists(1 << SPILL_BITS);
    private boolean anyFlushed;
    private MemoryConsumer memory;
    private QueryContext context;
    private PartitionedSpill spill;
    /** The partition-by-partition merge once input has ended, which can still spill the partitions waiting. */
    private PartitionMergeSource merging;
    private Source output;

    public HashAggregateSink(String name, int[] keyColumns, List<Field> keyFields, List<AggregateSpec> specs, Schema outputSchema) {
        this.layout = new AggregationLayout(name, keyColumns, keyFields, specs, outputSchema);
    }

    private synchronized MemoryConsumer memory(QueryContext queryContext) {
        if (memory == null) {
            context = queryContext;
            memory = queryContext.consumer(layout.name(), MemoryTag.AGGREGATE, this);
        }
        return memory;
    }

    @Override
    public Worker newWorker(QueryContext queryContext) {
        MemoryConsumer consumer = memory(queryContext);
        GroupedAggregation initial = layout.inputTable(consumer.allocator());
        return new Worker() {
            private GroupedAggregation table = initial;
            /** Rows folded into the current table: with its group count, how much the table reduces the input. */
            private long rowsInTable;
            /** Set once this worker's keys proved to hardly repeat: rows then bypass the table. */
            private RowScatter scatter;

            @Override
            public void accept(Batch batch) {
                try (batch) {
                    // A safe point: no half-inserted state, so the table may go to disk now.
                    if (consumer.shouldSpill() || !consumer.fits(table.growthBytes(batch.rowCount()))) {
                        spillFlushed();
                        if (table.groupCount() > 0) {
                            GroupedAggregation full = table;
                            table = null;
                            spillTable(full);
                            table = layout.inputTable(consumer.allocator());
                        }
                    }
                    if (scatter != null) {
                        scatter.add(batch);
                        return;
                    }
                    if (table.groupCount() >= LOCAL_GROUPS) {
                        boolean hardlyRepeat = rowsInTable < SCATTER_BELOW_ROWS_PER_GROUP * table.groupCount();
                        GroupedAggregation full = table;
                        table = null;
                        flushTable(full);
                        table = layout.inputTable(consumer.allocator());
                        rowsInTable = 0;
                        if (hardlyRepeat) {
                            scatter = new RowScatter(layout, SPILL_BITS, FLUSH_PIECE_ROWS, consumer.allocator(), HashAggregateSink.this::keepFlushed);
                            scatter.add(batch);
                            return;
                        }
                        table.reserve(LOCAL_GROUPS);
                    }
                    table.add(batch);
                    rowsInTable += batch.rowCount();
                }
            }

            @Override
            public void finishWorker() {
                if (scatter != null) {
                    scatter.flush();
                }
                synchronized (HashAggregateSink.this) {
                    finished.add(table);
                }
                table = null;
            }

            @Override
            public void close() {
                if (scatter != null) {
                    scatter.close();
                }
                if (table != null) {
                    table.close();
                }
            }
        };
    }

    /** Writes a table's groups to the spill partitions and frees it. */
    private void spillTable(GroupedAggregation table) {
        try (table) {
            PartitionedSpill target = spill();
            long[] bytes = new long[1];
            table.emitPartitioned(SPILL_BITS, 64 - SPILL_BITS, layout.partialSchema(), memory.allocator(), (partition, part) -> {
                try (part) {
                    bytes[0] += target.write(partition, part);
                }
            });
            memory.spilled(bytes[0], target.takeNewFiles());
        }
    }

    /** Moves a full table's groups to the in-memory hash partitions and frees it. */
    private void flushTable(GroupedAggregation table) {
        try (table) {
            table.emitPartitioned(SPILL_BITS, 64 - SPILL_BITS, layout.partialSchema(), memory.allocator(), FLUSH_PIECE_ROWS, this::keepFlushed);
        }
    }

    /** Keeps a piece of partial states for its hash partition in memory, until memory runs short. */
    private void keepFlushed(int partition, Batch part) {
        synchronized (flushed) {
            flushed.get(partition).add(part);
            anyFlushed = true;
        }
    }

    /** Writes the flushed partitions to their spill files and frees them. */
    private void spillFlushed() {
        List<List<Batch>> taken = PartitionedSpill.emptyLists(flushed.size());
        synchronized (flushed) {
            for (int p = 0; p < flushed.size(); p++) {
                taken.get(p).addAll(flushed.get(p));
                flushed.get(p).clear();
            }
        }
        long bytes = 0;
        PartitionedSpill target = null;
        try {
            for (int p = 0; p < taken.size(); p++) {
                List<Batch> pieces = taken.get(p);
                while (!pieces.isEmpty()) {
                    try (Batch piece = pieces.remove(pieces.size() - 1)) {
                        target = target == null ? spill() : target;
                        bytes += target.write(p, piece);
                    }
                }
            }
        } finally {
            taken.forEach(list -> list.forEach(Batch::close));
            if (target != null) {
                memory.spilled(bytes, target.takeNewFiles());
            }
        }
    }

    private synchronized PartitionedSpill spill() {
        if (spill == null) {
            spill = new PartitionedSpill(context.tempStorage(), layout.name(), layout.partialSchema(), SPILL_BITS, 64 - SPILL_BITS);
        }
        return spill;
    }

    /** Called by the pool from any thread: spills the tables of workers that have finished. */
    @Override
    public long spill(long bytes) {
        List<GroupedAggregation> idle;
        PartitionMergeSource merge;
        synchronized (this) {
            merge = merging;
        }
        if (merge != null) {
            // Merging: what can go is the partitions no worker has started on.
            return merge.spillPending();
        }
        synchronized (this) {
            if (output != null || context == null) {
                return 0;
            }
            idle = new ArrayList<>(finished);
            finished.clear();
        }
        long before = memory.allocated();
        spillFlushed();
        for (GroupedAggregation table : idle) {
            spillTable(table);
        }
        return Math.max(0, before - memory.allocated());
    }

    @Override
    public synchronized void finish(QueryContext queryContext) {
        memory(queryContext);
        long groups = 0;
        for (GroupedAggregation table : finished) {
            groups += table.groupCount();
        }
        if (spill == null && !anyFlushed && finished.size() == 1) {
            try (GroupedAggregation only = finished.remove(0)) {
                output = new BatchListSource(only.emit(false, layout.outputSchema(), context.allocator()), false);
            }
            return;
        }
        if (spill == null && !anyFlushed && (layout.keyCount() == 0 || groups < PARALLEL_MERGE_GROUPS)) {
            output = combineInMemory();
            return;
        }
        output = partitioned();
    }

    private Source combineInMemory() {
        try (GroupedAggregation combined = layout.combiningTable(memory.allocator())) {
            while (!finished.isEmpty()) {
                try (GroupedAggregation table = finished.remove(finished.size() - 1)) {
                    for (Batch batch : table.emit(true, layout.partialSchema(), memory.allocator())) {
                        try (batch) {
                            combined.add(batch);
                        }
                    }
                }
                context.checkRunning();
            }
            return new BatchListSource(combined.emit(false, layout.outputSchema(), context.allocator()), false);
        }
    }

    /** Splits everything into hash partitions (sharing the spill's partitioning) for a parallel merge. */
    private Source partitioned() {
        long tableBytes = 0;
        for (GroupedAggregation table : finished) {
            tableBytes += table.allocatedBytes();
        }
        // The spill's partitioning whenever part of the input may end up on disk: already spilled or flushed, or
        // tables whose copy into partitions would not fit next to them, so that some are written out instead.
        boolean spillPartitioning = spill != null || anyFlushed || !memory.fits(tableBytes);
        int bits = spillPartitioning ? SPILL_BITS
                : Math.max(1, Math.min(8, 32 - Integer.numberOfLeadingZeros(context.config().threads() * 4 - 1)));
        List<List<Batch>> inMemory = PartitionedSpill.emptyLists(1 << bits);
        if (anyFlushed) {
            synchronized (flushed) {
                for (int p = 0; p < flushed.size(); p++) {
                    inMemory.get(p).addAll(flushed.get(p));
                    flushed.get(p).clear();
                }
            }
        }
        // Taken out of `finished` first: a pool request arriving during the copy must not spill them, since the
        // spill's partitioning can differ from `bits`, which would put one group in two partitions.
        List<GroupedAggregation> tables = new ArrayList<>(finished);
        finished.clear();
        try {
            while (!tables.isEmpty()) {
                GroupedAggregation next = tables.remove(tables.size() - 1);
                if (bits == SPILL_BITS && !memory.fits(next.allocatedBytes())) {
                    // Its copy would pass the high-water mark while it is still held: write it to disk instead.
                    spillTable(next);
                    context.checkRunning();
                    continue;
                }
                try (GroupedAggregation table = next) {
                    List<List<Batch>> split = table.emitPartitioned(bits, layout.partialSchema(), memory.allocator());
                    for (int p = 0; p < split.size(); p++) {
                        inMemory.get(p).addAll(split.get(p));
                    }
                }
                context.checkRunning();
            }
        } catch (RuntimeException | Error e) {
            tables.forEach(GroupedAggregation::close);
            inMemory.forEach(list -> list.forEach(Batch::close));
            throw e;
        }
        if (spill != null) {
            spill.finishWriting();
        }
        List<PartitionMergeSource.Partition> partitions = new ArrayList<>();
        for (int p = 0; p < inMemory.size(); p++) {
            var file = spill == null ? null : spill.take(p);
            if (file != null || !inMemory.get(p).isEmpty()) {
                partitions.add(new PartitionMergeSource.Partition(inMemory.get(p), file, 64 - bits));
            }
        }
        merging = new PartitionMergeSource(partitions, layout, memory, context);
        return merging;
    }

    /** The aggregated rows; valid after {@link #finish}; the source is closed by the pipeline that reads it. */
    public synchronized Source output() {
        Source result = output;
        output = null;
        return result;
    }

    @Override
    public synchronized void close() {
        finished.forEach(GroupedAggregation::close);
        finished.clear();
        synchronized (flushed) {
            flushed.forEach(list -> list.forEach(Batch::close));
            flushed.forEach(List::clear);
        }
        if (output != null) {
            output.close();
            output = null;
        }
        if (spill != null) {
            spill.close();
            spill = null;
        }
        if (memory != null) {
            memory.close();
        }
    }
}
