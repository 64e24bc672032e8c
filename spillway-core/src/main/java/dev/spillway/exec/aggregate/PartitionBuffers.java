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
    private final PartitionOrder order;

    PartitionBuffers(Schema schema, int partitions, int batchRows, BufferAllocator allocator, GroupedAggregation.PartitionSink sink) {
        this.schema = schema;
        this.batchRows = batchRows;
        this.allocator = allocator;
        this.sink = sink;
        this.open = new FieldVector[partitions][];
        this.filled = new int[partitions];
        this.order = new PartitionOrder(partitions);
    }

    /**
     * Appends each row {@code i < rows} of {@code columns} (the caller keeps them) to partition
     * {@code (hashes[first + i] >>> shift) & (partitions - 1)}, keeping row order within a partition.
     */
    void scatter(List<FieldVector> columns, long[] hashes, int first, int rows, int shift) {
        order.sort(hashes, first, rows, shift);
        for (int p = 0; p < open.length; p++) {
            if (order.start(p) < order.end(p)) {
                append(p, columns, order.rows(), order.start(p), order.end(p));
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
