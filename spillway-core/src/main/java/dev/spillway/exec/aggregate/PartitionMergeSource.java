package dev.spillway.exec.aggregate;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.hash.Hashing;
import dev.spillway.exec.pipeline.Source;
import dev.spillway.io.BatchReader;
import dev.spillway.memory.MemoryConsumer;
import dev.spillway.spill.SpillFile;
import dev.spillway.memory.MemoryTag;
import dev.spillway.spill.SpillReader;
import dev.spillway.spill.SpillWriter;
import dev.spillway.types.DataType;
import dev.spillway.types.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.FieldVector;

/**
 * The output of a hash aggregation whose groups were split into hash partitions: each partition is one
 * task, and the worker that takes it combines the partition's partial states (in memory and/or spilled)
 * into final groups. Partitions hold disjoint groups, so they are combined in parallel.
 *
 * <p>Algorithm: a partition is combined into one table. If memory runs short while doing so (the
 * consumer is asked to spill), the table and the rest of the partition's input are re-partitioned on
 * the next hash bits into spill files, and each sub-partition is combined in turn; this repeats until
 * every piece fits. Duplicate keys collapse into one group, so pieces shrink at every level.
 */
final class PartitionMergeSource implements Source {
    /** Sub-partitions per re-partitioning step. */
    private static final int SUB_BITS = 4;
    /** Below this the low hash bits that pick table slots would also pick partitions. */
    private static final int MIN_SHIFT = 16;
    /**
     * A partition with more rows than this is first split in memory on the next hash bits, so that each table
     * it is combined into stays within the CPU caches (about 40 bytes per group: slot, key, hash, state). A
     * table of a million groups misses them on nearly every probe, which costs more than the split's copy.
     */
    private static final int CACHED_GROUPS = 1 << 15;
    /** Most sub-partitions of one in-memory split. */
    private static final int MAX_CACHE_SPLIT_BITS = 6;
    /** Rows per piece of an in-memory split. */
    private static final int SPLIT_PIECE_ROWS = 4096;
    /** Spill files are read back at about this many times their size (compression). */
    private static final int SPILL_EXPANSION = 4;

    /** One partition: batches in memory, spill files (possibly none), and the hash bits it was split on. */
    record Partition(List<Batch> batches, List<SpillFile> files, int shift) {
        Partition(List<Batch> batches, SpillFile file, int shift) {
            this(batches, file == null ? new ArrayList<>() : new ArrayList<>(List.of(file)), shift);
        }
    }

    private final List<Partition> partitions;
    private final AggregationLayout layout;
    private final MemoryConsumer memory;
    private final QueryContext context;
    private final AtomicInteger next = new AtomicInteger();

    PartitionMergeSource(List<Partition> partitions, AggregationLayout layout, MemoryConsumer memory, QueryContext context) {
        this.partitions = new ArrayList<>(partitions);
        this.layout = layout;
        this.memory = memory;
        this.context = context;
    }

    @Override
    public BatchReader nextTask() {
        int index = next.getAndIncrement();
        if (index >= partitions.size()) {
            return null;
        }
        Partition input;
        synchronized (this) {
            input = partitions.set(index, null);
        }
        return new BatchReader() {
            private Partition pending = input;
            private Deque<Batch> output;

            @Override
            public Batch next() {
                if (output == null) {
                    Partition work = pending;
                    pending = null;
                    output = new ArrayDeque<>(combine(work));
                }
                return output.pollFirst();
            }

            @Override
            public void close() {
                release(pending);
                pending = null;
                if (output != null) {
                    output.forEach(Batch::close);
                    output.clear();
                }
            }
        };
    }

    private List<Batch> combine(Partition first) {
        Deque<Partition> work = new ArrayDeque<>();
        work.push(first);
        List<Batch> output = new ArrayList<>();
        try {
            while (!work.isEmpty()) {
                Partition partition = work.pop();
                try {
                    combineOne(partition, work, output);
                } finally {
                    release(partition);
                }
            }
            return output;
        } catch (RuntimeException | Error e) {
            output.forEach(Batch::close);
            work.forEach(PartitionMergeSource::release);
            throw e;
        }
    }

    /** Combines one partition into {@code output}, or splits it into {@code work} if it does not fit. */
    private void combineOne(Partition partition, Deque<Partition> work, List<Batch> output) {
        if (splitForCaches(partition, work)) {
            return;
        }
        PartitionedSpill split = null;
        try (GroupedAggregation table = layout.combiningTable(memory.allocator())) {
            table.reserve(expectedGroups(partition));
            List<Batch> inMemory = partition.batches();
            for (int i = 0; i < inMemory.size(); i++) {
                Batch batch = inMemory.set(i, null);
                split = fold(batch, table, partition, split);
            }
            for (SpillFile file : partition.files()) {
                try (SpillReader reader = file.reader(layout.partialSchema(), memory.allocator())) {
                    for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                        split = fold(batch, table, partition, split);
                    }
                }
            }
            if (split == null) {
                output.addAll(table.emit(false, layout.outputSchema(), context.allocator()));
                return;
            }
            split.finishWriting();
            for (int p = 0; p < split.partitions(); p++) {
                SpillFile file = split.take(p);
                if (file != null) {
                    work.push(new Partition(new ArrayList<>(), file, split.shift()));
                }
            }
        } finally {
            if (split != null) {
                split.close();
            }
        }
    }

    /**
     * Splits a partition with many rows into in-memory sub-partitions on the next hash bits, pushed to
     * {@code work}, when the copy fits in memory (see {@link #CACHED_GROUPS}). Returns false if it did not split.
     */
    private boolean splitForCaches(Partition partition, Deque<Partition> work) {
        long rows = rows(partition);
        if (layout.keyCount() == 0 || rows <= CACHED_GROUPS) {
            return false;
        }
        int bits = Math.min(MAX_CACHE_SPLIT_BITS, 64 - Long.numberOfLeadingZeros((rows - 1) / CACHED_GROUPS));
        int shift = partition.shift() - bits;
        long fileBytes = 0;
        for (SpillFile file : partition.files()) {
            fileBytes += file.size() * SPILL_EXPANSION;
        }
        if (shift < MIN_SHIFT || !memory.fits(fileBytes)) {
            return false;
        }
        List<List<Batch>> parts = PartitionedSpill.emptyLists(1 << bits);
        long[] hashes = new long[SPLIT_PIECE_ROWS];
        try (PartitionBuffers buffers = new PartitionBuffers(layout.partialSchema(), 1 << bits, SPLIT_PIECE_ROWS, memory.allocator(),
                (p, piece) -> parts.get(p).add(piece))) {
            List<Batch> inMemory = partition.batches();
            for (int i = 0; i < inMemory.size(); i++) {
                try (Batch batch = inMemory.set(i, null)) {
                    hashes = scatter(batch, shift, buffers, hashes);
                }
            }
            for (SpillFile file : partition.files()) {
                try (SpillReader reader = file.reader(layout.partialSchema(), memory.allocator())) {
                    for (Batch next = reader.next(); next != null; next = reader.next()) {
                        try (Batch batch = next) {
                            hashes = scatter(batch, shift, buffers, hashes);
                        }
                    }
                }
            }
            buffers.flush();
        } catch (RuntimeException | Error e) {
            parts.forEach(list -> list.forEach(Batch::close));
            throw e;
        }
        for (List<Batch> part : parts) {
            if (!part.isEmpty()) {
                work.push(new Partition(part, (SpillFile) null, shift));
            }
        }
        return true;
    }

    /**
     * Appends each row of a partial-state batch to its sub-partition, by the hash bits from {@code shift} on.
     * Returns the hash scratch array for the next batch ({@code scratch}, or a larger one).
     */
    private long[] scatter(Batch batch, int shift, PartitionBuffers buffers, long[] scratch) {
        context.checkRunning();
        int rows = batch.rowCount();
        long[] hashes = scratch.length >= rows ? scratch : new long[Math.max(rows, scratch.length * 2)];
        List<DataType> keyTypes = layout.keyTypes();
        for (int k = 0; k < keyTypes.size(); k++) {
            Hashing.hash(batch.column(k), keyTypes.get(k), rows, hashes, k > 0);
        }
        List<FieldVector> columns = new ArrayList<>();
        for (int c = 0; c < batch.columnCount(); c++) {
            columns.add(batch.column(c));
        }
        buffers.scatter(columns, hashes, 0, rows, shift);
        return hashes;
    }

    private static long rows(Partition partition) {
        long rows = 0;
        for (SpillFile file : partition.files()) {
            rows += file.rows();
        }
        for (Batch batch : partition.batches()) {
            rows += batch == null ? 0 : batch.rowCount();
        }
        return rows;
    }

    /**
     * At most the partition's row count (every row a new group), and no more than a small share of the
     * memory limit per worker, so that reserving never causes the shortage it is meant to avoid.
     */
    private int expectedGroups(Partition partition) {
        long rows = rows(partition);
        long affordable = context.pool().limit() / 128 / Math.max(1, context.config().threads());
        return (int) Math.min(Math.min(rows, affordable), 1 << 22);
    }

    /** Adds one input batch (consumed), switching to re-partitioning when memory runs short. */
    private PartitionedSpill fold(Batch batch, GroupedAggregation table, Partition partition, PartitionedSpill split) {
        try (batch) {
            context.checkRunning();
            boolean memoryShort = memory.shouldSpill() || !memory.fits(table.growthBytes(batch.rowCount()));
            if (memoryShort && spillPending() > 0) {
                memoryShort = memory.shouldSpill() || !memory.fits(table.growthBytes(batch.rowCount()));
            }
            if (split == null && memoryShort && partition.shift() - SUB_BITS >= MIN_SHIFT) {
                split = new PartitionedSpill(context.tempStorage(), layout.name() + "-s" + partition.shift(), layout.partialSchema(),
                        SUB_BITS, partition.shift() - SUB_BITS);
                PartitionedSpill target = split;
                long[] bytes = new long[1];
                table.emitPartitioned(SUB_BITS, split.shift(), layout.partialSchema(), memory.allocator(), (piece, part) -> {
                    try (part) {
                        bytes[0] += target.write(piece, part);
                    }
                });
                table.clear();
                memory.spilled(bytes[0], target.takeNewFiles());
            }
            if (split != null) {
                long bytes = split.scatter(batch, layout.keyCount(), memory.allocator());
                memory.spilled(bytes, split.takeNewFiles());
            } else {
                table.add(batch);
            }
            return split;
        }
    }

    /**
     * Writes the in-memory batches of the partitions no worker has taken yet to spill files, freeing them;
     * called when memory runs short (by the pool, or by a worker at a safe point). Returns the bytes freed.
     */
    long spillPending() {
        long freed = 0;
        // Under the lock throughout, so that no worker takes a partition while its batches move to the file.
        synchronized (this) {
            for (int i = next.get(); i < partitions.size(); i++) {
                Partition partition = partitions.get(i);
                if (partition == null || partition.batches().isEmpty()) {
                    continue;
                }
                SpillFile file = context.tempStorage().newFile(layout.name() + "-pending", MemoryTag.AGGREGATE);
                long bytes = 0;
                try (SpillWriter writer = file.writer(layout.partialSchema())) {
                    for (Batch batch : partition.batches()) {
                        bytes += batch.sizeInBytes();
                        writer.write(batch);
                    }
                } catch (RuntimeException | Error e) {
                    file.close();
                    throw e;
                }
                partition.batches().forEach(Batch::close);
                partition.batches().clear();
                partition.files().add(file);
                freed += bytes;
                memory.spilled(file.size(), 1);
            }
        }
        return freed;
    }

    private static void release(Partition partition) {
        if (partition == null) {
            return;
        }
        for (Batch batch : partition.batches()) {
            if (batch != null) {
                batch.close();
            }
        }
        partition.batches().clear();
        partition.files().forEach(SpillFile::close);
        partition.files().clear();
    }

    @Override
    public boolean ordered() {
        return false;
    }

    @Override
    public int maxParallelism() {
        return partitions.size();
    }

    @Override
    public synchronized void close() {
        partitions.forEach(PartitionMergeSource::release);
        partitions.clear();
    }
}
