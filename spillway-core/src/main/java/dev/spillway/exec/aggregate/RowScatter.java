package dev.spillway.exec.aggregate;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import dev.spillway.exec.hash.ChunkedSlots;
import dev.spillway.exec.hash.Hashing;
import dev.spillway.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Hash aggregation's path for input whose keys hardly repeat (count(DISTINCT) over unique ids, a GROUP BY with
 * about as many groups as rows). A worker table would cost each row a probe that misses the caches and a copy
 * of its key, and then be flushed to the hash partitions with almost as many groups as rows. Instead, each
 * row becomes a partial state of its own and goes straight to its hash partition; the partition merge
 * combines equal keys as it does for flushed tables.
 *
 * <p>Rows are partitioned by the same hash bits as {@link GroupedAggregation#emitPartitioned}, so that scattered
 * rows and flushed or spilled tables of the same aggregation put every key in one partition.
 */
final class RowScatter implements AutoCloseable {
    private final AggregationLayout layout;
    private final List<DataType> keyTypes;
    private final int shift;
    private final BufferAllocator allocator;
    private final PartitionBuffers buffers;
    private long[] hashes = new long[0];
    private int[] identity = new int[0];

    /**
     * @param bits partitions are hash bits {@code [64 - bits, 64)}
     * @param pieceRows rows per batch handed to {@code sink}
     */
    RowScatter(AggregationLayout layout, int bits, int pieceRows, BufferAllocator allocator, GroupedAggregation.PartitionSink sink) {
        this.layout = layout;
        this.keyTypes = layout.keyTypes();
        this.shift = 64 - bits;
        this.allocator = allocator;
        this.buffers = new PartitionBuffers(layout.partialSchema(), 1 << bits, pieceRows, allocator, sink);
    }

    /** Sends each row of {@code batch} (raw input; the caller keeps it) to its partition as a partial state. */
    void add(Batch batch) {
        int rows = batch.rowCount();
        if (rows == 0) {
            return;
        }
        if (identity.length < rows) {
            identity = new int[Math.max(rows, identity.length * 2)];
            for (int i = 0; i < identity.length; i++) {
                identity[i] = i;
            }
            hashes = new long[identity.length];
        }
        int[] keyColumns = layout.keyColumns();
        for (int k = 0; k < keyColumns.length; k++) {
            Hashing.hash(batch.column(keyColumns[k]), keyTypes.get(k), rows, hashes, k > 0);
        }
        List<Accumulator> accumulators = new ArrayList<>();
        try {
            for (AggregateSpec spec : layout.specs()) {
                Accumulator accumulator = Accumulators.create(spec, allocator);
                accumulators.add(accumulator);
                accumulator.ensureGroups(rows);
                int[] inputs = spec.inputColumns();
                if (spec.partialInput()) {
                    FieldVector[] states = new FieldVector[inputs.length];
                    for (int s = 0; s < inputs.length; s++) {
                        states[s] = batch.column(inputs[s]);
                    }
                    accumulator.combine(identity, rows, states);
                } else {
                    accumulator.update(identity, rows, inputs.length == 0 ? null : batch.column(inputs[0]));
                }
            }
            // State columns come out a chunk of groups at a time.
            for (int first = 0; first < rows; first += ChunkedSlots.CHUNK_ROWS) {
                scatterChunk(batch, first, Math.min(ChunkedSlots.CHUNK_ROWS, rows - first), accumulators);
            }
        } finally {
            accumulators.forEach(Accumulator::close);
        }
    }

    private void scatterChunk(Batch batch, int first, int count, List<Accumulator> accumulators) {
        List<FieldVector> columns = new ArrayList<>();
        int borrowed = 0;
        try {
            int[] keyColumns = layout.keyColumns();
            for (int k = 0; k < keyColumns.length; k++) {
                FieldVector key = batch.column(keyColumns[k]);
                if (first == 0 && count == batch.rowCount()) {
                    columns.add(key);
                    borrowed++;
                } else {
                    columns.add(Vectors.slice(key, keyTypes.get(k), first, count, allocator));
                }
            }
            for (Accumulator accumulator : accumulators) {
                columns.addAll(List.of(accumulator.emitState(first, count, allocator)));
            }
            buffers.scatter(columns, hashes, first, count, shift);
        } finally {
            // The batch's own key vectors stay with the batch; slices and states were made for this chunk.
            columns.subList(borrowed, columns.size()).forEach(FieldVector::close);
        }
    }

    /** Hands on the partly filled pieces. */
    void flush() {
        buffers.flush();
    }

    /** Frees pieces not handed on. */
    @Override
    public void close() {
        buffers.close();
    }
}
