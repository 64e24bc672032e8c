package dev.spillway.exec.hash;

import dev.spillway.data.Batch;
import dev.spillway.types.DataType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Maps key tuples to dense group numbers, all off-heap.
 *
 * <p>Algorithm: open addressing with linear probing over a power-of-two array of 64-bit slots; a slot
 * holds the upper 32 bits of the key hash (a tag that rules out most non-matches without touching the
 * keys) and the group number plus one (0 marks an empty slot). Keys live column-wise in
 * {@link KeyColumnStore}s and each group's full hash in {@link ChunkedSlots}, so growing the slot array
 * re-inserts groups without re-hashing keys. The table doubles at 50% load.
 */
public final class GroupByHashTable implements AutoCloseable {
    private static final long TAG_MASK = 0xFFFFFFFF00000000L;

    private final BufferAllocator allocator;
    private final KeyColumnStore[] keys;
    private final ChunkedSlots hashes;
    private ArrowBuf slots;
    private int mask;
    private int groupCount;

    public GroupByHashTable(List<DataType> keyTypes, BufferAllocator allocator) {
        this.allocator = allocator;
        this.keys = new KeyColumnStore[keyTypes.size()];
        this.hashes = new ChunkedSlots(allocator, 8);
        try {
            for (int i = 0; i < keys.length; i++) {
                keys[i] = new KeyColumnStore(keyTypes.get(i), allocator);
            }
            allocateSlots(1024);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void allocateSlots(int capacity) {
        ArrowBuf next = allocator.buffer((long) capacity << 3);
        next.setZero(0, (long) capacity << 3);
        if (slots != null) {
            slots.close();
        }
        slots = next;
        mask = capacity - 1;
    }

    public int groupCount() {
        return groupCount;
    }

    public KeyColumnStore keyColumn(int index) {
        return keys[index];
    }

    /**
     * Finds or creates the group of each row; {@code keyColumns} index the batch's columns. Writes group
     * numbers to {@code groups} and returns the group count afterwards.
     */
    public int findOrInsert(Batch batch, int[] keyColumns, long[] rowHashes, int[] groups) {
        int rows = batch.rowCount();
        FieldVector[] columns = new FieldVector[keyColumns.length];
        for (int k = 0; k < keyColumns.length; k++) {
            columns[k] = batch.column(keyColumns[k]);
            Hashing.hash(columns[k], keys[k].type(), rows, rowHashes, k > 0);
        }
        for (int i = 0; i < rows; i++) {
            groups[i] = findOrInsert(columns, i, rowHashes[i]);
        }
        return groupCount;
    }

    private int findOrInsert(FieldVector[] columns, int row, long hash) {
        long tag = hash & TAG_MASK;
        int slot = (int) hash & mask;
        while (true) {
            long entry = slots.getLong((long) slot << 3);
            if (entry == 0) {
                return insert(columns, row, hash, slot);
            }
            if ((entry & TAG_MASK) == tag) {
                int group = (int) entry - 1;
                if (keysMatch(group, columns, row)) {
                    return group;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean keysMatch(int group, FieldVector[] columns, int row) {
        for (int k = 0; k < keys.length; k++) {
            if (!keys[k].matches(group, columns[k], row)) {
                return false;
            }
        }
        return true;
    }

    private int insert(FieldVector[] columns, int row, long hash, int slot) {
        int group = groupCount;
        for (int k = 0; k < keys.length; k++) {
            keys[k].append(columns[k], row, group);
        }
        hashes.ensure(group + 1);
        hashes.setLong(group, 0, hash);
        slots.setLong((long) slot << 3, (hash & TAG_MASK) | (group + 1L));
        groupCount++;
        if ((long) groupCount * 2 > mask + 1) {
            grow();
        }
        return group;
    }

    private void grow() {
        int capacity = (mask + 1) * 2;
        allocateSlots(capacity);
        for (int group = 0; group < groupCount; group++) {
            long hash = hashes.getLong(group, 0);
            int slot = (int) hash & mask;
            while (slots.getLong((long) slot << 3) != 0) {
                slot = (slot + 1) & mask;
            }
            slots.setLong((long) slot << 3, (hash & TAG_MASK) | (group + 1L));
        }
    }

    /** The stored hash of a group. */
    public long hash(int group) {
        return hashes.getLong(group, 0);
    }

    /** Off-heap bytes held (slots, keys, hashes). */
    public long allocatedBytes() {
        long bytes = slots == null ? 0 : slots.capacity();
        bytes += hashes.allocatedBytes();
        for (KeyColumnStore key : keys) {
            if (key != null) {
                bytes += key.allocatedBytes();
            }
        }
        return bytes;
    }

    @Override
    public void close() {
        if (slots != null) {
            slots.close();
            slots = null;
        }
        hashes.close();
        for (KeyColumnStore key : keys) {
            if (key != null) {
                key.close();
            }
        }
    }
}
