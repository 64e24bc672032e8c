package dev.spillway.exec.join;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import dev.spillway.exec.eval.Bits;
import dev.spillway.exec.eval.Physical;
import dev.spillway.exec.hash.Hashing;
import dev.spillway.types.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * The build side of a hash join: all build rows in one batch plus a chained hash index over the key
 * columns, off-heap.
 *
 * <p>Layout: {@code buckets} (power of two, about two per row) holds the first row of each chain plus
 * one. Each build row has a 24-byte entry {@code [hash, key, next]}: its full hash, its key when the key
 * is a single integer-like column (compared inline), and the next row of its chain plus one, so that
 * checking a candidate touches one cache line. Rows with a NULL key are not indexed (they never match).
 * {@code matched} records which rows found a partner, for right and full outer joins.
 */
final class JoinTable implements AutoCloseable {
    static final int ENTRY = 24;
    private static final int HASH = 0;
    private static final int KEY = 8;
    private static final int NEXT = 16;

    private final Batch rows;
    private final int[] keyColumns;
    private final DataType[] keyTypes;
    private final boolean longKeys;
    private final ArrowBuf buckets;
    private final ArrowBuf entries;
    private final ArrowBuf matched;
    private final long bucketAddress;
    private final long entryAddress;
    private final int mask;

    JoinTable(Batch rows, int[] keyColumns, boolean trackMatches, BufferAllocator allocator) {
        this.rows = rows;
        this.keyColumns = keyColumns.clone();
        int count = rows.rowCount();
        this.keyTypes = new DataType[keyColumns.length];
        for (int k = 0; k < keyColumns.length; k++) {
            keyTypes[k] = rows.schema().type(keyColumns[k]);
        }
        Physical single = keyColumns.length == 1 ? Physical.of(keyTypes[0]) : null;
        this.longKeys = single == Physical.INT32 || single == Physical.INT64;
        int capacity = Integer.highestOneBit(Math.max(16, count * 2 - 1)) << 1;
        this.mask = capacity - 1;
        ArrowBuf bucketBuffer = null;
        ArrowBuf entryBuffer = null;
        ArrowBuf matchBuffer = null;
        try {
            bucketBuffer = allocator.buffer((long) capacity << 2);
            bucketBuffer.setZero(0, bucketBuffer.capacity());
            entryBuffer = allocator.buffer(Math.max(ENTRY, (long) count * ENTRY));
            if (trackMatches) {
                matchBuffer = allocator.buffer(Math.max(8, count));
                matchBuffer.setZero(0, matchBuffer.capacity());
            }
        } catch (RuntimeException | Error e) {
            for (ArrowBuf buffer : new ArrowBuf[] {bucketBuffer, entryBuffer, matchBuffer}) {
                if (buffer != null) {
                    buffer.close();
                }
            }
            throw e;
        }
        this.buckets = bucketBuffer;
        this.entries = entryBuffer;
        this.matched = matchBuffer;
        this.bucketAddress = buckets.memoryAddress();
        this.entryAddress = entries.memoryAddress();
        index(count);
    }

    private void index(int count) {
        long[] rowHashes = new long[count];
        for (int k = 0; k < keyColumns.length; k++) {
            Hashing.hash(rows.column(keyColumns[k]), keyTypes[k], count, rowHashes, k > 0);
        }
        boolean[] nullKey = new boolean[count];
        for (int k = 0; k < keyColumns.length; k++) {
            FieldVector column = rows.column(keyColumns[k]);
            if (column instanceof NullVector) {
                java.util.Arrays.fill(nullKey, true);
            } else if (Vectors.hasNulls(column, count)) {
                for (int r = 0; r < count; r++) {
                    nullKey[r] |= !Bits.isSet(column.getValidityBuffer(), r);
                }
            }
        }
        long keyData = longKeys ? rows.column(keyColumns[0]).getDataBuffer().memoryAddress() : 0;
        boolean ints = longKeys && Physical.of(keyTypes[0]) == Physical.INT32;
        // Insert in reverse so that chains list rows in input order.
        for (int r = count - 1; r >= 0; r--) {
            long entry = entryAddress + (long) r * ENTRY;
            long hash = rowHashes[r];
            MemoryUtil.putLong(entry + HASH, hash);
            if (longKeys) {
                MemoryUtil.putLong(entry + KEY, ints ? MemoryUtil.getInt(keyData + ((long) r << 2)) : MemoryUtil.getLong(keyData + ((long) r << 3)));
            }
            if (nullKey[r]) {
                MemoryUtil.putInt(entry + NEXT, 0);
                continue;
            }
            long bucket = bucketAddress + (((int) hash & mask) << 2);
            MemoryUtil.putInt(entry + NEXT, MemoryUtil.getInt(bucket));
            MemoryUtil.putInt(bucket, r + 1);
        }
    }

    Batch rows() {
        return rows;
    }

    int rowCount() {
        return rows.rowCount();
    }

    boolean hasLongKeys() {
        return longKeys;
    }

    /** First candidate row (plus one) for a hash, or 0. */
    int first(long hash) {
        return MemoryUtil.getInt(bucketAddress + (((int) hash & mask) << 2));
    }

    /** Next candidate row (plus one) after {@code row}, or 0. */
    int next(int row) {
        return MemoryUtil.getInt(entryAddress + (long) row * ENTRY + NEXT);
    }

    long hash(int row) {
        return MemoryUtil.getLong(entryAddress + (long) row * ENTRY + HASH);
    }

    long longKey(int row) {
        return MemoryUtil.getLong(entryAddress + (long) row * ENTRY + KEY);
    }

    /** True if the build row's keys equal the probe row's keys (neither has NULL keys). */
    boolean keysEqual(int row, FieldVector[] probeKeys, int probeRow) {
        for (int k = 0; k < keyColumns.length; k++) {
            if (!RowEquality.equal(rows.column(keyColumns[k]), row, probeKeys[k], probeRow, keyTypes[k])) {
                return false;
            }
        }
        return true;
    }

    void markMatched(int row) {
        matched.setByte(row, 1);
    }

    boolean isMatched(int row) {
        return matched.getByte(row) != 0;
    }

    long allocatedBytes() {
        return rows.sizeInBytes() + buckets.capacity() + entries.capacity() + (matched == null ? 0 : matched.capacity());
    }

    @Override
    public void close() {
        rows.close();
        for (ArrowBuf buffer : new ArrowBuf[] {buckets, entries, matched}) {
            if (buffer != null) {
                buffer.close();
            }
        }
    }
}
