package dev.spillway.exec.aggregate;

import dev.spillway.data.Batch;
import dev.spillway.exec.hash.Hashing;
import dev.spillway.memory.MemoryTag;
import dev.spillway.spill.SpillFile;
import dev.spillway.spill.SpillWriter;
import dev.spillway.spill.TempStorage;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Partial aggregation states spilled to one file per hash partition. Several workers may append to the
 * same partition; each partition's writer is locked separately.
 */
final class PartitionedSpill implements AutoCloseable {
    private final TempStorage storage;
    private final String name;
    private final Schema schema;
    private final int bits;
    private final int shift;
    private final SpillFile[] files;
    private final SpillWriter[] writers;
    private final java.util.concurrent.atomic.AtomicInteger newFiles = new java.util.concurrent.atomic.AtomicInteger();
    private boolean finished;

    /** Partitions on hash bits {@code [shift, shift + bits)}. */
    PartitionedSpill(TempStorage storage, String name, Schema schema, int bits, int shift) {
        this.storage = storage;
        this.name = name;
        this.schema = schema;
        this.bits = bits;
        this.shift = shift;
        this.files = new SpillFile[1 << bits];
        this.writers = new SpillWriter[1 << bits];
    }

    int partitions() {
        return files.length;
    }

    int bits() {
        return bits;
    }

    int shift() {
        return shift;
    }

    /** Appends the batch (kept by the caller) to a partition. Returns the bytes the file grew by. */
    long write(int partition, Batch batch) {
        synchronized (writers) {
            if (finished) {
                throw new IllegalStateException("spill of " + name + " already finished");
            }
            if (writers[partition] == null) {
                files[partition] = storage.newFile(name + "-p" + partition, MemoryTag.AGGREGATE);
                newFiles.incrementAndGet();
                writers[partition] = files[partition].writer(schema);
            }
        }
        synchronized (writers[partition]) {
            long before = files[partition].size();
            writers[partition].write(batch);
            return files[partition].size() - before;
        }
    }

    /**
     * Scatters raw partial-state batches (keys first) into partitions by the hash of their keys, computed
     * as the group-by table computes it. Returns the bytes written. The input batch stays with the caller.
     */
    long scatter(Batch batch, int keyCount, BufferAllocator allocator) {
        int rows = batch.rowCount();
        long[] hashes = new long[rows];
        for (int k = 0; k < keyCount; k++) {
            Hashing.hash(batch.column(k), schema.type(k), rows, hashes, k > 0);
        }
        // Without keys the hashes stay 0: every row goes to partition 0.
        PartitionOrder order = new PartitionOrder(files.length);
        order.sort(hashes, 0, rows, shift);
        long bytes = 0;
        for (int p = 0; p < files.length; p++) {
            int count = order.end(p) - order.start(p);
            if (count == 0) {
                continue;
            }
            int[] selected = java.util.Arrays.copyOfRange(order.rows(), order.start(p), order.end(p));
            try (Batch part = dev.spillway.exec.operator.Gathers.rows(batch, selected, count, allocator)) {
                bytes += write(p, part);
            }
        }
        return bytes;
    }

    /** Files created since the last call, for the operator's spill statistics. */
    int takeNewFiles() {
        return newFiles.getAndSet(0);
    }

    /** Ends every file's stream; the files can then be read. */
    void finishWriting() {
        synchronized (writers) {
            finished = true;
            for (SpillWriter writer : writers) {
                if (writer != null) {
                    writer.close();
                }
            }
        }
    }

    /** The partition's file, or null if nothing was written to it. */
    SpillFile file(int partition) {
        return files[partition];
    }

    int fileCount() {
        int count = 0;
        for (SpillFile file : files) {
            count += file == null ? 0 : 1;
        }
        return count;
    }

    /** Releases the files that were not handed on (see {@link #take}). */
    @Override
    public void close() {
        finishWriting();
        for (int p = 0; p < files.length; p++) {
            if (files[p] != null) {
                files[p].close();
                files[p] = null;
            }
        }
    }

    /** Hands a partition's file to the caller, who closes it. */
    SpillFile take(int partition) {
        SpillFile file = files[partition];
        files[partition] = null;
        return file;
    }

    static List<List<Batch>> emptyLists(int count) {
        List<List<Batch>> lists = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }
}
