package dev.spillway.exec.hash;

import dev.spillway.data.Batch;
import dev.spillway.data.DictionaryCodes;
import dev.spillway.data.Vectors;
import dev.spillway.exec.eval.Physical;
import dev.spillway.types.DataType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * Maps key tuples to dense group numbers, all off-heap.
 *
 * <p>Algorithm: open addressing with linear probing over a power-of-two array of 64-bit slots; a slot
 * holds the upper 32 bits of the key hash (a tag that rules out most non-matches without touching the
 * keys) and the group number plus one (0 marks an empty slot). Keys live column-wise in
 * {@link KeyColumnStore}s and each group's full hash in {@link ChunkedSlots}, so growing the slot array
 * re-inserts groups without re-hashing keys. The table doubles at 50% load.
 *
 * <p>A single integer-like key (INTEGER, BIGINT, DATE, TIMESTAMP, DECIMAL up to 18 digits), the most
 * common case, is also kept as a long per group and compared inline; its NULL rows all go to one group
 * that is not in the slot array.
 *
 * <p>Keys that all come with {@link DictionaryCodes} (columns read from Parquet dictionary pages) whose code
 * combinations are few skip hashing: a row's combined code indexes a cache of the group that combination
 * was found to have, valid while the batches come from the same dictionaries.
 */
public final class GroupByHashTable implements AutoCloseable {
    private static final long TAG_MASK = 0xFFFFFFFF00000000L;
    /** Most code combinations cached per table (an int each): beyond that, keys rarely repeat enough. */
    private static final int MAX_CODE_COMBINATIONS = 1 << 16;

    private final BufferAllocator allocator;
    private final KeyColumnStore[] keys;
    private final ChunkedSlots hashes;
    private final ChunkedSlots longKeys;
    private final boolean intKey;
    private ArrowBuf slots;
    private int mask;
    private int groupCount;
    private int nullGroup = -1;
    private long[] values = new long[0];
    private long[] entries = new long[0];
    private int[] pending = new int[0];
    private ProbeColumn[] probes;
    /**
     * For keys read from dictionaries: the dictionaries of the batches last seen, and for each combination of
     * their codes (a row's "combined code") the group it was found to have, or -1 if not seen yet.
     */
    private Object[] cachedDictionaries;
    private int[] groupOfCode;
    private int[] combined = new int[0];

    public GroupByHashTable(List<DataType> keyTypes, BufferAllocator allocator) {
        this.allocator = allocator;
        this.keys = new KeyColumnStore[keyTypes.size()];
        this.probes = new ProbeColumn[keys.length];
        for (int k = 0; k < probes.length; k++) {
            probes[k] = new ProbeColumn();
        }
        Physical single = keyTypes.size() == 1 ? Physical.of(keyTypes.get(0)) : null;
        this.intKey = single == Physical.INT32;
        boolean fast = single == Physical.INT32 || single == Physical.INT64;
        this.hashes = new ChunkedSlots(allocator, 8);
        this.longKeys = fast ? new ChunkedSlots(allocator, 8) : null;
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

    /** Bytes the slot array would newly allocate if {@code incomingRows} more rows all made new groups: 0 if it would not grow. */
    public long growthBytes(int incomingRows) {
        return ((long) groupCount + incomingRows) * 2 > mask + 1 ? ((long) mask + 1) * 2 * 8 : 0;
    }

    /**
     * Makes room for about {@code groups} groups without growing, when the caller knows roughly how many
     * will come (growing re-inserts every group, several times on the way to a large size).
     */
    public void reserve(int groups) {
        long wanted = Long.highestOneBit(Math.max(1, (long) groups) * 2 - 1) << 1;
        if (wanted > mask + 1 && wanted <= 1 << 30) {
            if (groupCount == 0) {
                allocateSlots((int) wanted);
            } else {
                while (mask + 1 < wanted) {
                    grow();
                }
            }
        }
    }

    public KeyColumnStore keyColumn(int index) {
        return keys[index];
    }

    /**
     * Finds or creates the group of each row; {@code keyColumns} index the batch's columns. Writes group
     * numbers to {@code groups} and returns the group count afterwards; {@code rowHashes} is scratch.
     */
    public int findOrInsert(Batch batch, int[] keyColumns, long[] rowHashes, int[] groups) {
        int rows = batch.rowCount();
        if (combineCodes(batch, keyColumns, rows)) {
            return findOrInsertCoded(batch, keyColumns, rows, rowHashes, groups);
        }
        return findOrInsertUncoded(batch, keyColumns, rows, rowHashes, groups);
    }

    private int findOrInsertUncoded(Batch batch, int[] keyColumns, int rows, long[] rowHashes, int[] groups) {
        if (longKeys != null) {
            return findOrInsertLong(batch.column(keyColumns[0]), rows, rowHashes, groups);
        }
        return findOrInsertHashed(batch, keyColumns, rows, rowHashes, groups);
    }

    private int findOrInsertHashed(Batch batch, int[] keyColumns, int rows, long[] rowHashes, int[] groups) {
        FieldVector[] columns = new FieldVector[keyColumns.length];
        for (int k = 0; k < keyColumns.length; k++) {
            columns[k] = batch.column(keyColumns[k]);
            probes[k].load(columns[k], rows);
            Hashing.hash(columns[k], keys[k].type(), rows, rowHashes, k > 0);
        }
        // Batched as in findOrInsertLong: home slots first, then candidates' keys, then the rest row by row.
        if (entries.length < rows) {
            entries = new long[Math.max(rows, entries.length * 2)];
        }
        long slotsAddress = slots.memoryAddress();
        for (int i = 0; i < rows; i++) {
            entries[i] = MemoryUtil.getLong(slotsAddress + ((long) ((int) rowHashes[i] & mask) << 3));
        }
        // Branch-free: an entry holds its tag over group + 1, so an empty slot (0) gives -1 whatever the tag, and a
        // tag mismatch ORs in -1. A branch here was compiled for the batches seen first (all empty slots, or all
        // matches) and deoptimized and recompiled when the other kind came, several times per process.
        for (int i = 0; i < rows; i++) {
            long entry = entries[i];
            long tagDifference = (entry ^ rowHashes[i]) & TAG_MASK;
            int mismatch = (int) ((tagDifference | -tagDifference) >> 63);
            groups[i] = ((int) entry - 1) | mismatch;
        }
        // The candidates' keys, one key column at a time: one type dispatch per column instead of per row and key.
        for (int k = 0; k < keys.length; k++) {
            keys[k].keepMatching(groups, probes[k], rows);
        }
        for (int i = 0; i < rows; i++) {
            if (groups[i] < 0) {
                groups[i] = findOrInsert(columns, i, rowHashes[i]);
            }
        }
        return groupCount;
    }

    /**
     * When every key column carries dictionary codes and their combinations are few, writes each row's combined
     * code to {@code combined} (NULL is code 0 of each key, entry {@code e} is {@code e + 1}) and makes the
     * cache describe these dictionaries. Returns false when the batch must be hashed.
     */
    private boolean combineCodes(Batch batch, int[] keyColumns, int rows) {
        long combinations = 1;
        for (int column : keyColumns) {
            DictionaryCodes codes = batch.codes(column);
            if (codes == null) {
                return false;
            }
            combinations *= codes.dictionarySize() + 1L;
            if (combinations > MAX_CODE_COMBINATIONS) {
                return false;
            }
        }
        if (!sameDictionaries(batch, keyColumns)) {
            cachedDictionaries = new Object[keyColumns.length];
            for (int k = 0; k < keyColumns.length; k++) {
                cachedDictionaries[k] = batch.codes(keyColumns[k]).dictionary();
            }
            groupOfCode = new int[(int) combinations];
            java.util.Arrays.fill(groupOfCode, -1);
        }
        if (keyColumns.length == 1) {
            // One key: its code plus one is the combined code, read straight from the codes (findOrInsertCoded).
            return true;
        }
        if (combined.length < rows) {
            combined = new int[Math.max(rows, combined.length * 2)];
        }
        int stride = 1;
        for (int k = 0; k < keyColumns.length; k++) {
            DictionaryCodes codes = batch.codes(keyColumns[k]);
            long address = codes.address();
            if (k == 0) {
                for (int i = 0; i < rows; i++) {
                    combined[i] = MemoryUtil.getInt(address + ((long) i << 2)) + 1;
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    combined[i] += (MemoryUtil.getInt(address + ((long) i << 2)) + 1) * stride;
                }
            }
            stride *= codes.dictionarySize() + 1;
        }
        return true;
    }

    private boolean sameDictionaries(Batch batch, int[] keyColumns) {
        if (cachedDictionaries == null) {
            return false;
        }
        for (int k = 0; k < keyColumns.length; k++) {
            if (batch.codes(keyColumns[k]).dictionary() != cachedDictionaries[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rows whose code combination was seen before take its group from the cache: no hashing, no key
     * comparison, so a few dictionary values over millions of rows are grouped at the cost of reading codes.
     * A batch with unseen combinations is hashed as usual, and the cache learns them.
     */
    private int findOrInsertCoded(Batch batch, int[] keyColumns, int rows, long[] rowHashes, int[] groups) {
        boolean missing = false;
        boolean single = keyColumns.length == 1;
        long singleCodes = single ? batch.codes(keyColumns[0]).address() : 0;
        if (single) {
            for (int i = 0; i < rows; i++) {
                int group = groupOfCode[MemoryUtil.getInt(singleCodes + ((long) i << 2)) + 1];
                groups[i] = group;
                missing |= group < 0;
            }
        } else {
            for (int i = 0; i < rows; i++) {
                int group = groupOfCode[combined[i]];
                groups[i] = group;
                missing |= group < 0;
            }
        }
        if (missing) {
            findOrInsertUncoded(batch, keyColumns, rows, rowHashes, groups);
            for (int i = 0; i < rows; i++) {
                int code = single ? MemoryUtil.getInt(singleCodes + ((long) i << 2)) + 1 : combined[i];
                groupOfCode[code] = groups[i];
            }
        }
        return groupCount;
    }

    private int findOrInsertLong(FieldVector column, int rows, long[] rowHashes, int[] groups) {
        if (values.length < rows) {
            values = new long[Math.max(rows, values.length * 2)];
        }
        ArrowBuf data = column.getDataBuffer();
        if (intKey) {
            for (int i = 0; i < rows; i++) {
                values[i] = data.getInt((long) i << 2);
            }
        } else {
            for (int i = 0; i < rows; i++) {
                values[i] = data.getLong((long) i << 3);
            }
        }
        ArrowBuf validity = Vectors.hasNulls(column, rows) ? column.getValidityBuffer() : null;
        if (entries.length < rows) {
            entries = new long[Math.max(rows, entries.length * 2)];
        }
        // Batched probing: first every row's home slot is loaded, then every tag-matching candidate's key.
        // The loads of different rows do not depend on each other, so the CPU overlaps their cache misses,
        // where probing row by row would wait for each miss in turn. Rows not settled by the home slot
        // (new keys, collisions, NULLs) take the full probe afterwards, in row order.
        long slotsAddress = slots.memoryAddress();
        for (int i = 0; i < rows; i++) {
            long hash = Hashing.mix(values[i]);
            rowHashes[i] = hash;
            entries[i] = MemoryUtil.getLong(slotsAddress + ((long) ((int) hash & mask) << 3));
        }
        for (int i = 0; i < rows; i++) {
            long entry = entries[i];
            boolean home = entry != 0 && (entry & TAG_MASK) == (rowHashes[i] & TAG_MASK)
                    && longKeys.getLong((int) entry - 1, 0) == values[i];
            groups[i] = home ? (int) entry - 1 : -1;
        }
        // New groups take the next numbers in row order; their keys are copied in one pass after the loop, since
        // probing compares the long keys only.
        int firstNew = groupCount;
        int newRows = 0;
        if (pending.length < rows) {
            pending = new int[Math.max(rows, pending.length * 2)];
        }
        for (int i = 0; i < rows; i++) {
            if (groups[i] >= 0 && (validity == null || ((validity.getByte(i >>> 3) >>> (i & 7)) & 1) != 0)) {
                continue;
            }
            if (validity != null && ((validity.getByte(i >>> 3) >>> (i & 7)) & 1) == 0) {
                if (nullGroup < 0) {
                    nullGroup = groupCount++;
                    longKeys.ensure(groupCount);
                    pending[newRows++] = i;
                }
                groups[i] = nullGroup;
                continue;
            }
            long value = values[i];
            long hash = rowHashes[i];
            long tag = hash & TAG_MASK;
            int slot = (int) hash & mask;
            int group;
            while (true) {
                long entry = slots.getLong((long) slot << 3);
                if (entry == 0) {
                    group = groupCount++;
                    longKeys.ensure(groupCount);
                    longKeys.setLong(group, 0, value);
                    pending[newRows++] = i;
                    claim(slot, hash, group);
                    break;
                }
                if ((entry & TAG_MASK) == tag && longKeys.getLong((int) entry - 1, 0) == value) {
                    group = (int) entry - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            groups[i] = group;
        }
        if (newRows > 0) {
            keys[0].appendRows(column, pending, newRows, firstNew);
        }
        return groupCount;
    }

    private int findOrInsert(FieldVector[] columns, int row, long hash) {
        long tag = hash & TAG_MASK;
        int slot = (int) hash & mask;
        while (true) {
            long entry = slots.getLong((long) slot << 3);
            if (entry == 0) {
                int group = newGroup(columns, row, hash);
                claim(slot, hash, group);
                return group;
            }
            if ((entry & TAG_MASK) == tag) {
                int group = (int) entry - 1;
                if (keysMatch(group, row)) {
                    return group;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean keysMatch(int group, int row) {
        for (int k = 0; k < keys.length; k++) {
            if (!keys[k].matches(group, probes[k], row)) {
                return false;
            }
        }
        return true;
    }

    private int newGroup(FieldVector[] columns, int row, long hash) {
        int group = groupCount++;
        for (int k = 0; k < keys.length; k++) {
            keys[k].append(columns[k], row, group);
        }
        if (longKeys == null) {
            hashes.ensure(groupCount);
            hashes.setLong(group, 0, hash);
        }
        return group;
    }

    private void claim(int slot, long hash, int group) {
        slots.setLong((long) slot << 3, (hash & TAG_MASK) | (group + 1L));
        if ((long) groupCount * 2 > mask + 1) {
            grow();
        }
    }

    private void grow() {
        int capacity = (mask + 1) * 2;
        allocateSlots(capacity);
        for (int group = 0; group < groupCount; group++) {
            if (group == nullGroup) {
                continue;
            }
            long hash = hash(group);
            int slot = (int) hash & mask;
            while (slots.getLong((long) slot << 3) != 0) {
                slot = (slot + 1) & mask;
            }
            slots.setLong((long) slot << 3, (hash & TAG_MASK) | (group + 1L));
        }
    }

    /** The hash of a group: stored, or for a single integer key recomputed from it, which costs less than storing it. */
    public long hash(int group) {
        if (longKeys == null) {
            return hashes.getLong(group, 0);
        }
        return group == nullGroup ? Hashing.NULL_HASH : Hashing.mix(longKeys.getLong(group, 0));
    }

    /** Off-heap bytes held (slots, keys, hashes). */
    public long allocatedBytes() {
        long bytes = slots == null ? 0 : slots.capacity();
        bytes += hashes.allocatedBytes() + (longKeys == null ? 0 : longKeys.allocatedBytes());
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
        if (longKeys != null) {
            longKeys.close();
        }
        for (KeyColumnStore key : keys) {
            if (key != null) {
                key.close();
            }
        }
    }
}
