package dev.spillway.exec.hash;

import dev.spillway.exec.eval.Physical;
import dev.spillway.exec.eval.Strings;
import dev.spillway.types.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Vectorized hashing of key columns into a long per row. Equal SQL values hash equally across layouts
 * of the same type (-0.0 and 0.0, all NaNs); NULL hashes to a constant so NULL keys group together.
 */
public final class Hashing {
    /** The hash of NULL in any column. */
    public static final long NULL_HASH = 0x5bd1e9955bd1e995L;
    private static final long SEED = 0x9E3779B97F4A7C15L;

    private Hashing() {}

    /** Murmur3's 64-bit finalizer: spreads every input bit over the output. */
    public static long mix(long value) {
        value ^= value >>> 33;
        value *= 0xff51afd7ed558ccdL;
        value ^= value >>> 33;
        value *= 0xc4ceb9fe1a85ec53L;
        value ^= value >>> 33;
        return value;
    }

    static long combine(long previous, long value) {
        return mix(previous * SEED + value);
    }

    /**
     * Hashes {@code column} for rows {@code [0, rows)} into {@code hashes}; with {@code combine} the column's
     * hash is folded into the existing values (for multi-column keys).
     */
    public static void hash(FieldVector column, DataType type, int rows, long[] hashes, boolean combine) {
        long[] target = combine ? scratch(rows) : hashes;
        hashValues(column, type, rows, target);
        if (combine) {
            for (int i = 0; i < rows; i++) {
                hashes[i] = combine(hashes[i], target[i]);
            }
        }
    }

    private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[0]);

    private static long[] scratch(int rows) {
        long[] array = SCRATCH.get();
        if (array.length < rows) {
            array = new long[Math.max(rows, array.length * 2)];
            SCRATCH.set(array);
        }
        return array;
    }

    /** The hash of each value, one loop per layout so the type test is not paid per row; NULL rows get NULL_HASH. */
    private static void hashValues(FieldVector column, DataType type, int rows, long[] out) {
        if (column instanceof NullVector) {
            java.util.Arrays.fill(out, 0, rows, NULL_HASH);
            return;
        }
        ArrowBuf data = column.getDataBuffer();
        switch (Physical.of(type)) {
            case INT32 -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = mix(data.getInt((long) i << 2));
                }
            }
            case INT64 -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = mix(data.getLong((long) i << 3));
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = mix(Double.doubleToLongBits(normalize(data.getDouble((long) i << 3))));
                }
            }
            case DEC128 -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = mix(data.getLong((long) i << 4) ^ mix(data.getLong(((long) i << 4) + 8)));
                }
            }
            case BIT -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = mix(((data.getByte(i >>> 3) >>> (i & 7)) & 1) + 1);
                }
            }
            case UTF8 -> {
                ArrowBuf offsets = column.getOffsetBuffer();
                int start = offsets.getInt(0);
                for (int i = 0; i < rows; i++) {
                    int end = offsets.getInt((long) (i + 1) << 2);
                    out[i] = hashBytes(data, start, end - start);
                    start = end;
                }
            }
            case NULL -> java.util.Arrays.fill(out, 0, rows, NULL_HASH);
        }
        if (dev.spillway.data.Vectors.hasNulls(column, rows)) {
            ArrowBuf valid = column.getValidityBuffer();
            for (int i = 0; i < rows; i++) {
                if (((valid.getByte(i >>> 3) >>> (i & 7)) & 1) == 0) {
                    out[i] = NULL_HASH;
                }
            }
        }
    }

    /** -0.0 equals 0.0 and all NaNs are one value in SQL grouping. */
    public static double normalize(double value) {
        if (value == 0) {
            return 0.0;
        }
        return Double.isNaN(value) ? Double.NaN : value;
    }

    public static long hashBytes(ArrowBuf data, long start, int length) {
        long h = SEED ^ length;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = Long.rotateLeft(h ^ data.getLong(start + i), 27) * 0x517cc1b727220a95L;
        }
        h = Long.rotateLeft(h ^ Strings.tailWord(data, start + i, length - i), 27) * 0x517cc1b727220a95L;
        return mix(h);
    }
}
