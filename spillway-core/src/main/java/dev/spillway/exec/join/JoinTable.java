package dev.spillway.exec.join;

import dev.spillway.data.Batch;
import dev.spillway.exec.eval.Bits;
import dev.spillway.exec.eval.Physical;
import dev.spillway.exec.hash.Hashing;
import dev.spillway.types.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * The build side of a hash join: all build rows in one batch plus a chained hash index over the key
 * columns, off-heap.
 *
 * <p>Layout: {@code buckets} (power of two, about two per row) holds the first row of each chain plus
 * one; {@code next} links rows of the same bucket; {@code hashes} keeps each row's hash so chains are
 * filtered without touching keys. A single integer-like key is also copied into {@code longKeys} for a
 * branch-light comparison. Rows with a NULL key are not indexed (they never match). {@code matched}
 * records which rows found a partner, for right and full outer joins.
 */
final class JoinTable implements AutoCloseable {
    private final Batch rows;
    private final int[] keyColumns;
    private final DataType[] keyTypes;
    private final ArrowBuf buckets;
    private final ArrowBuf next;
    private final ArrowBuf hashes;
    private final ArrowBuf longKeys;
    private final ArrowBuf matched;
    private final int mask;

    JoinTable(Batch rows, int[] keyColumns, boolean trackMatches, BufferAllocator allocator) {
        this.rows = rows;
        this.keyColumns = keyColumns.clone();
        int count = rows.rowCount();
        this.keyTypes = new DataType[keyColumns.length];
        for (int k = 0; k < keyColumns.length; k++) {
            keyTypes[k] = rows.schema().type(keyColumns[k]);
        }
        int capacity = Integer.highestOneBit(Math.max(16, count * 2 - 1)) << 1;
        this.mask = capacity - 1;
        ArrowBuf bucketBuffer = null;
        ArrowBuf nextBuffer = null;
        ArrowBuf hashBuffer = null;
        ArrowBuf keyBuffer = null;
        ArrowBuf matchBuffer = null;
        try {
            bucketBuffer = zeroed(allocator, (long) capacity << 2);
            nextBuffer = zeroed(allocator, Math.max(8, (long) count << 2));
            hashBuffer = zeroed(allocator, Math.max(8, (long) count << 3));
            if (singleIntegerKey()) {
                keyBuffer = zeroed(allocator, Math.max(8, (long) count << 3));
            }
            if (trackMatches) {
                matchBuffer = zeroed(allocator, Math.max(8, count));
            }
        } catch (RuntimeException | Error e) {
            for (ArrowBuf buffer : new ArrowBuf[] {bucketBuffer, nextBuffer, hashBuffer, keyBuffer, matchBuffer}) {
                if (buffer != null) {
                    buffer.close();
                }
            }
            throw e;
        }
        this.buckets = bucketBuffer;
        this.next = nextBuffer;
        this.hashes = hashBuffer;
        this.longKeys = keyBuffer;
        this.matched = matchBuffer;
        index(count);
    }

    private static ArrowBuf zeroed(BufferAllocator allocator, long bytes) {
        ArrowBuf buffer = allocator.buffer(bytes);
        buffer.setZero(0, buffer.capacity());
        return buffer;
    }

    private boolean singleIntegerKey() {
        if (keyColumns.length != 1) {
            return false;
        }
        Physical physical = Physical.of(keyTypes[0]);
        return physical == Physical.INT32 || physical == Physical.INT64;
    }

    private void index(int count) {
        long[] rowHashes = new long[count];
        for (int k = 0; k < keyColumns.length; k++) {
            Hashing.hash(rows.column(keyColumns[k]), keyTypes[k], count, rowHashes, k > 0);
        }
        boolean[] hasNullKey = new boolean[count];
        for (int k = 0; k < keyColumns.length; k++) {
            FieldVector column = rows.column(keyColumns[k]);
            for (int r = 0; r < count; r++) {
                hasNullKey[r] |= column instanceof NullVector || !Bits.isSet(column.getValidityBuffer(), r);
            }
        }
        if (longKeys != null) {
            FieldVector column = rows.column(keyColumns[0]);
            boolean ints = Physical.of(keyTypes[0]) == Physical.INT32;
            ArrowBuf data = column.getDataBuffer();
            for (int r = 0; r < count; r++) {
                longKeys.setLong((long) r << 3, ints ? data.getInt((long) r << 2) : data.getLong((long) r << 3));
            }
        }
        // Insert in reverse so that chains list rows in input order.
        for (int r = count - 1; r >= 0; r--) {
            if (hasNullKey[r]) {
                continue;
            }
            long hash = rowHashes[r];
            hashes.setLong((long) r << 3, hash);
            int bucket = (int) hash & mask;
            next.setInt((long) r << 2, buckets.getInt((long) bucket << 2));
            buckets.setInt((long) bucket << 2, r + 1);
        }
    }

    Batch rows() {
        return rows;
    }

    int rowCount() {
        return rows.rowCount();
    }

    /** First candidate row (plus one) for a hash, or 0. */
    int first(long hash) {
        return buckets.getInt((long) ((int) hash & mask) << 2);
    }

    /** Next candidate row (plus one) after {@code row}, or 0. */
    int next(int row) {
        return next.getInt((long) row << 2);
    }

    long hash(int row) {
        return hashes.getLong((long) row << 3);
    }

    boolean hasLongKeys() {
        return longKeys != null;
    }

    long longKey(int row) {
        return longKeys.getLong((long) row << 3);
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
        long bytes = rows.sizeInBytes() + buckets.capacity() + next.capacity() + hashes.capacity();
        bytes += longKeys == null ? 0 : longKeys.capacity();
        return bytes + (matched == null ? 0 : matched.capacity());
    }

    @Override
    public void close() {
        rows.close();
        for (ArrowBuf buffer : new ArrowBuf[] {buckets, next, hashes, longKeys, matched}) {
            if (buffer != null) {
                buffer.close();
            }
        }
    }
}
