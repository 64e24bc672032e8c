package dev.spillway.exec.aggregate;

import dev.spillway.data.Batch;
import dev.spillway.exec.hash.ChunkedSlots;
import dev.spillway.exec.hash.GroupByHashTable;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A hash table of groups with one accumulator per aggregate: the in-memory building block of hash
 * aggregation. Emitting consumes it (key chunks move into the output without copying).
 */
public final class GroupedAggregation implements AutoCloseable {
    /** Rows per piece when emitting to spill: 64 open pieces of even a dozen columns stay near 1 MB, since spilling happens when memory is short. */
    private static final int SPILL_PIECE_ROWS = 256;
    /** Rows per piece kept in memory for a later merge: bigger batches, fewer buffers. */
    private static final int KEPT_PIECE_ROWS = 4096;

    private final int[] keyColumns;
    private final List<AggregateSpec> specs;
    private final GroupByHashTable table;
    private final Accumulator[] accumulators;
    private final boolean global;
    private long[] hashes = new long[0];
    private int[] groups = new int[0];

    public GroupedAggregation(int[] keyColumns, List<DataType> keyTypes, List<AggregateSpec> specs, BufferAllocator allocator) {
        this.keyColumns = keyColumns.clone();
        this.specs = List.copyOf(specs);
        this.global = keyColumns.length == 0;
        this.accumulators = new Accumulator[specs.size()];
        GroupByHashTable created = null;
        try {
            created = global ? null : new GroupByHashTable(keyTypes, allocator);
            for (int i = 0; i < accumulators.length; i++) {
                accumulators[i] = Accumulators.create(specs.get(i), allocator);
                // An aggregate without GROUP BY has exactly one group, even over no rows.
                accumulators[i].ensureGroups(global ? 1 : 0);
            }
        } catch (RuntimeException | Error e) {
            if (created != null) {
                created.close();
            }
            closeAccumulators();
            throw e;
        }
        this.table = created;
    }

    public int groupCount() {
        return global ? 1 : table.groupCount();
    }

    /** Bytes adding {@code rows} more rows could allocate at once (the hash table doubling), 0 if it cannot grow. */
    public long growthBytes(int rows) {
        return global ? 0 : table.growthBytes(rows);
    }

    /** Sizes the hash table for about this many groups up front (see {@link GroupByHashTable#reserve}). */
    public void reserve(int groups) {
        if (!global) {
            table.reserve(groups);
        }
    }

    /** Folds a batch in (raw or partial columns as each spec says). The caller keeps ownership. */
    public void add(Batch batch) {
        int rows = batch.rowCount();
        if (groups.length < rows) {
            groups = new int[Math.max(rows, groups.length * 2)];
            hashes = new long[groups.length];
        }
        int groupCount = 1;
        if (!global) {
            groupCount = table.findOrInsert(batch, keyColumns, hashes, groups);
        } else {
            java.util.Arrays.fill(groups, 0, rows, 0);
        }
        for (int i = 0; i < accumulators.length; i++) {
            Accumulator accumulator = accumulators[i];
            accumulator.ensureGroups(groupCount);
            AggregateSpec spec = specs.get(i);
            int[] inputs = spec.inputColumns();
            if (spec.partialInput()) {
                FieldVector[] states = new FieldVector[inputs.length];
                for (int s = 0; s < inputs.length; s++) {
                    states[s] = batch.column(inputs[s]);
                }
                accumulator.combine(groups, rows, states);
            } else {
                accumulator.update(groups, rows, inputs.length == 0 ? null : batch.column(inputs[0]));
            }
        }
    }

    /**
     * Emits all groups as batches of up to {@link ChunkedSlots#CHUNK_ROWS} rows: keys, then for each
     * aggregate its state columns (if {@code partial} or the spec asks for partial output) or its
     * result. The table is consumed.
     */
    public List<Batch> emit(boolean partial, Schema schema, BufferAllocator target) {
        List<Batch> batches = new ArrayList<>();
        try {
            int total = groupCount();
            for (int first = 0; first < total; first += ChunkedSlots.CHUNK_ROWS) {
                int count = Math.min(ChunkedSlots.CHUNK_ROWS, total - first);
                List<FieldVector> columns = new ArrayList<>();
                try {
                    for (int k = 0; k < keyColumns.length; k++) {
                        columns.add(table.keyColumn(k).takeChunk(first >>> ChunkedSlots.CHUNK_SHIFT, count, target));
                    }
                    for (int i = 0; i < accumulators.length; i++) {
                        if (partial || specs.get(i).partialOutput()) {
                            columns.addAll(List.of(accumulators[i].emitState(first, count, target)));
                        } else {
                            columns.add(accumulators[i].emitFinal(first, count, target));
                        }
                    }
                } catch (RuntimeException | Error e) {
                    columns.forEach(FieldVector::close);
                    throw e;
                }
                batches.add(new Batch(schema, columns, count));
            }
            return batches;
        } catch (RuntimeException | Error e) {
            batches.forEach(Batch::close);
            throw e;
        }
    }

    /** Receives one piece of partitioned output: a batch (owned by the receiver) for a partition. */
    public interface PartitionSink {
        void accept(int partition, Batch batch);
    }

    /**
     * Emits all groups as partial states split into {@code 1 << bits} partitions by hash bits
     * {@code [shift, shift + bits)}, one chunk of groups at a time, so the extra memory is one chunk
     * whatever the table's size. The table stays valid (keys are copied).
     */
    public void emitPartitioned(int bits, int shift, Schema schema, BufferAllocator target, PartitionSink sink) {
        emitPartitioned(bits, shift, schema, target, SPILL_PIECE_ROWS, sink);
    }

    /**
     * As above, with pieces of up to {@code pieceRows} rows: one piece per partition is open at a time, so
     * this bounds the extra memory, which matters when emitting in order to spill.
     */
    public void emitPartitioned(int bits, int shift, Schema schema, BufferAllocator target, int pieceRows, PartitionSink sink) {
        int total = groupCount();
        long[] hashes = new long[Math.min(total, ChunkedSlots.CHUNK_ROWS)];
        try (PartitionBuffers buffers = new PartitionBuffers(schema, 1 << bits, pieceRows, target, sink)) {
            for (int first = 0; first < total; first += ChunkedSlots.CHUNK_ROWS) {
                int count = Math.min(ChunkedSlots.CHUNK_ROWS, total - first);
                for (int i = 0; i < count; i++) {
                    hashes[i] = global ? 0 : table.hash(first + i);
                }
                List<FieldVector> chunk = new ArrayList<>();
                for (int k = 0; k < keyColumns.length; k++) {
                    chunk.add(table.keyColumn(k).chunk(first >>> ChunkedSlots.CHUNK_SHIFT, count));
                }
                int owned = chunk.size();
                try {
                    for (Accumulator accumulator : accumulators) {
                        chunk.addAll(List.of(accumulator.emitState(first, count, target)));
                    }
                    buffers.scatter(chunk, hashes, 0, count, shift);
                } finally {
                    // Key chunks stay with the table; the state vectors were made for this chunk only.
                    chunk.subList(owned, chunk.size()).forEach(FieldVector::close);
                }
            }
            buffers.flush();
        }
    }

    /** As above, collecting the pieces in memory: one list of batches per partition. */
    public List<List<Batch>> emitPartitioned(int bits, int shift, Schema schema, BufferAllocator target) {
        List<List<Batch>> result = new ArrayList<>();
        for (int p = 0; p < 1 << bits; p++) {
            result.add(new ArrayList<>());
        }
        try {
            emitPartitioned(bits, shift, schema, target, KEPT_PIECE_ROWS, (partition, batch) -> result.get(partition).add(batch));
            return result;
        } catch (RuntimeException | Error e) {
            result.forEach(list -> list.forEach(Batch::close));
            throw e;
        }
    }

    public List<List<Batch>> emitPartitioned(int bits, Schema schema, BufferAllocator target) {
        return emitPartitioned(bits, 64 - bits, schema, target);
    }

    /** The schema of partial output: keys, then every aggregate's state columns. */
    public static Schema partialSchema(List<Field> keyFields, List<AggregateSpec> specs) {
        List<Field> fields = new ArrayList<>(keyFields);
        for (int i = 0; i < specs.size(); i++) {
            List<DataType> types = Accumulators.stateTypes(specs.get(i));
            for (int s = 0; s < types.size(); s++) {
                fields.add(Field.of("state" + i + "_" + s, types.get(s)));
            }
        }
        return new Schema(fields);
    }

    public long allocatedBytes() {
        long bytes = table == null ? 0 : table.allocatedBytes();
        for (Accumulator accumulator : accumulators) {
            if (accumulator != null) {
                bytes += accumulator.allocatedBytes();
            }
        }
        return bytes;
    }

    private void closeAccumulators() {
        for (Accumulator accumulator : accumulators) {
            if (accumulator != null) {
                accumulator.close();
            }
        }
    }

    /** Frees the table's memory after its contents went elsewhere; the table must not be used again. */
    public void clear() {
        close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (table != null) {
            table.close();
        }
        closeAccumulators();
    }

    private boolean closed;
}
