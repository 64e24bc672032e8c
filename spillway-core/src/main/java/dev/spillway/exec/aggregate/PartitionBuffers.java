package dev.spillway.exec.aggregate;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import dev.spillway.types.Schema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Rows scattered to hash partitions, gathered into one open batch per partition that is handed on when
 * it reaches the target size. Without this, scattering a chunk of 8K groups over 64 partitions makes
 * pieces of about 128 rows: each a separate IPC message when spilled, a separate small allocation
 * (with its Java objects) when kept, and a slow small batch when merged. The cost is one open batch
 * per partition.
 */
final class PartitionBuffers implements AutoCloseable {
    private final Schema schema;
    private final int batchRows;
    private final BufferAllocator allocator;
    private final GroupedAggregation.PartitionSink sink;
    private final FieldVector[][] open;
    private final int[] filled;
    /** Scatter scratch, reused: row numbers grouped by partition, and where each partition's run starts. */
    private int[] order = new int[0];
    private final int[] starts;
    private final int[] next;

    PartitionBuffers(Schema schema, int partitions, int batchRows, BufferAllocator allocator, GroupedAggregation.PartitionSink sink) {
        this.schema = schema;
        this.batchRows = batchRows;
        this.allocator = allocator;
        this.sink = sink;
        this.open = new FieldVector[partitions][];
        this.filled = new int[partitions];
        this.starts = new int[partitions + 1];
        this.next = new int[partitions];
    }

    /**
     * Appends each row {@code i < rows} of {@code columns} (the caller keeps them) to partition
     * {@code (hashes[i] >>> shift) & (partitions - 1)}, keeping row order within a partition.
     */
    void scatter(List<FieldVector> columns, long[] hashes, int rows, int shift) {
        int mask = open.length - 1;
        if (order.length < rows) {
            order = new int[Math.max(rows, order.length * 2)];
        }
        java.util.Arrays.fill(starts, 0);
        for (int i = 0; i < rows; i++) {
            starts[((int) (hashes[i] >>> shift) & mask) + 1]++;
        }
        for (int p = 0; p < open.length; p++) {
            starts[p + 1] += starts[p];
            next[p] = starts[p];
        }
        for (int i = 0; i < rows; i++) {
            order[next[(int) (hashes[i] >>> shift) & mask]++] = i;
        }
        for (int p = 0; p < open.length; p++) {
            if (starts[p] < starts[p + 1]) {
                append(p, columns, order, starts[p], starts[p + 1]);
            }
        }
    }

    /** Appends {@code columns[rows[start..end)]} (the caller keeps the columns) to the partition. */
    void append(int partition, List<FieldVector> columns, int[] rows, int start, int end) {
        int from = start;
        while (from < end) {
            if (open[partition] == null) {
                open[partition] = allocate();
            }
            int take = Math.min(end - from, batchRows - filled[partition]);
            FieldVector[] target = open[partition];
            for (int c = 0; c < target.length; c++) {
                Vectors.gatherInto(columns.get(c), rows, from, from + take, target[c], filled[partition]);
            }
            filled[partition] += take;
            from += take;
            if (filled[partition] == batchRows) {
                emit(partition);
            }
        }
    }

    /** Hands on every partition's partly filled batch. */
    void flush() {
        for (int p = 0; p < open.length; p++) {
            if (open[p] != null && filled[p] > 0) {
                emit(p);
            }
        }
    }

    private FieldVector[] allocate() {
        FieldVector[] vectors = new FieldVector[schema.size()];
        try {
            for (int c = 0; c < vectors.length; c++) {
                vectors[c] = Vectors.allocate(schema.type(c), schema.field(c).name(), batchRows, allocator);
            }
            return vectors;
        } catch (RuntimeException | Error e) {
            closeAll(vectors);
            throw e;
        }
    }

    private void emit(int partition) {
        FieldVector[] vectors = open[partition];
        int rows = filled[partition];
        open[partition] = null;
        filled[partition] = 0;
        for (FieldVector vector : vectors) {
            vector.setValueCount(rows);
        }
        sink.accept(partition, new Batch(schema, vectors, rows));
    }

    private static void closeAll(FieldVector[] vectors) {
        for (FieldVector vector : vectors) {
            if (vector != null) {
                vector.close();
            }
        }
    }

    /** Frees batches not handed on (after a failure). */
    @Override
    public void close() {
        for (int p = 0; p < open.length; p++) {
            if (open[p] != null) {
                closeAll(open[p]);
                open[p] = null;
            }
        }
    }
}
