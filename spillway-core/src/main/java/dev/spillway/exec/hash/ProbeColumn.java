package dev.spillway.exec.hash;

import dev.spillway.data.Vectors;
import dev.spillway.exec.eval.Strings;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * The buffers of one key column of an incoming batch, fetched once per batch so that per-row key
 * comparisons do no virtual calls. {@code validity} is null when the column has no NULLs. One instance per
 * key column of a hash table, refilled by {@link #load} for each batch.
 */
final class ProbeColumn {
    private ArrowBuf data;
    private ArrowBuf offsets;
    private ArrowBuf validity;
    private boolean allNull;
    /** For strings, each row's {@link #stringWord}, so a comparison with a stored key starts with one long compare. */
    private long[] words = new long[0];

    void load(FieldVector vector, int rows) {
        allNull = vector instanceof NullVector;
        if (allNull) {
            data = offsets = validity = null;
            return;
        }
        data = vector.getDataBuffer();
        validity = Vectors.hasNulls(vector, rows) ? vector.getValidityBuffer() : null;
        offsets = vector.getMinorType() == MinorType.VARCHAR ? vector.getOffsetBuffer() : null;
        if (offsets != null) {
            if (words.length < rows) {
                words = new long[Math.max(rows, words.length * 2)];
            }
            long offsetsAddress = offsets.memoryAddress();
            int start = MemoryUtil.getInt(offsetsAddress);
            for (int row = 0; row < rows; row++) {
                int end = MemoryUtil.getInt(offsetsAddress + ((long) (row + 1) << 2));
                words[row] = stringWord(data, start, end - start);
                start = end;
            }
        }
    }

    /**
     * A string's length (capped at 255) in the top byte and its first seven bytes below: equal words mean equal
     * strings when the length is at most 7, and otherwise rule out most unequal ones without reading the bytes.
     */
    static long stringWord(ArrowBuf data, long start, int length) {
        long prefix = length >= 8 ? data.getLong(start) & 0x00FFFFFFFFFFFFFFL : Strings.tailWord(data, start, length);
        return prefix | (long) Math.min(length, 255) << 56;
    }

    ArrowBuf data() {
        return data;
    }

    ArrowBuf offsets() {
        return offsets;
    }

    long word(int row) {
        return words[row];
    }

    boolean hasNulls() {
        return allNull || validity != null;
    }

    boolean isNull(int row) {
        return allNull || (validity != null && ((validity.getByte(row >>> 3) >>> (row & 7)) & 1) == 0);
    }
}
