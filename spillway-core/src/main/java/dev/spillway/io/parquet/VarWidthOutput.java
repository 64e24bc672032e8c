package dev.spillway.io.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;

/** Helpers for writing straight into a variable-width vector's offset and data buffers. */
final class VarWidthOutput {
    private VarWidthOutput() {}

    /** Offset where row {@code row}'s bytes start. */
    static int startOffset(BaseVariableWidthVector vector, int row) {
        return vector.getOffsetBuffer().getInt((long) row << 2);
    }

    /** The data buffer, grown (doubling) until it holds {@code requiredBytes} plus {@link ShortCopy#PADDING}. */
    static ArrowBuf ensureData(BaseVariableWidthVector vector, long requiredBytes) {
        while (vector.getDataBuffer().capacity() < requiredBytes + ShortCopy.PADDING) {
            vector.reallocDataBuffer();
        }
        return vector.getDataBuffer();
    }

    /** Marks rows {@code [row, row + count)} as empty (NULL rows still need offsets). */
    static void fillEmpty(BaseVariableWidthVector vector, int row, int count) {
        ArrowBuf offsets = vector.getOffsetBuffer();
        int end = offsets.getInt((long) row << 2);
        for (int i = 1; i <= count; i++) {
            offsets.setInt((long) (row + i) << 2, end);
        }
    }
}
