package dev.spillway.exec.sort;

import dev.spillway.exec.eval.Physical;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/** Order-preserving long codes of single key values, so that comparing two rows' first keys is a long compare. */
final class KeyCodes {
    private KeyCodes() {}

    /** A double's bits as a long whose signed order is SQL's order of doubles (-0.0 = 0.0, NaN last). */
    static long orderedDouble(long bits) {
        double value = Double.longBitsToDouble(bits);
        if (value == 0) {
            bits = 0;
        } else if (Double.isNaN(value)) {
            bits = Double.doubleToLongBits(Double.NaN);
        }
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The first {@code bytes} (at most 8) bytes of a string, big-endian and zero-padded: unsigned order is byte order. */
    static long stringPrefix(long data, int length, int bytes) {
        long prefix = 0;
        for (int b = 0; b < bytes; b++) {
            prefix = prefix << 8 | (b < length ? MemoryUtil.getByte(data + b) & 0xFF : 0);
        }
        return prefix;
    }

    /**
     * The non-NULL value at {@code row} as a long whose signed order is the key's ascending order, exact for
     * integers, dates, timestamps and doubles, an 8-byte prefix for strings (equal codes need a full comparison),
     * and 0 for other types (always a full comparison).
     */
    static long ascending(Physical physical, FieldVector vector, int row) {
        return switch (physical) {
            case INT32 -> MemoryUtil.getInt(vector.getDataBuffer().memoryAddress() + ((long) row << 2));
            case INT64 -> MemoryUtil.getLong(vector.getDataBuffer().memoryAddress() + ((long) row << 3));
            case FLOAT64 -> orderedDouble(MemoryUtil.getLong(vector.getDataBuffer().memoryAddress() + ((long) row << 3)));
            case UTF8 -> {
                long offsets = vector.getOffsetBuffer().memoryAddress();
                int start = MemoryUtil.getInt(offsets + ((long) row << 2));
                int length = MemoryUtil.getInt(offsets + ((long) (row + 1) << 2)) - start;
                yield stringPrefix(vector.getDataBuffer().memoryAddress() + start, length, 8) ^ Long.MIN_VALUE;
            }
            default -> 0;
        };
    }
}
