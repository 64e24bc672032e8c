package dev.spillway.exec.hash;

import dev.spillway.data.Vectors;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * The buffers of one key column of an incoming batch, fetched once per batch so that per-row key
 * comparisons do no virtual calls. {@code validity} is null when the column has no NULLs.
 */
record ProbeColumn(ArrowBuf data, ArrowBuf offsets, ArrowBuf validity, boolean allNull) {
    static ProbeColumn of(FieldVector vector, int rows) {
        if (vector instanceof NullVector) {
            return new ProbeColumn(null, null, null, true);
        }
        ArrowBuf offsets = vector.getMinorType() == org.apache.arrow.vector.types.Types.MinorType.VARCHAR ? vector.getOffsetBuffer() : null;
        ArrowBuf validity = Vectors.hasNulls(vector, rows) ? vector.getValidityBuffer() : null;
        return new ProbeColumn(vector.getDataBuffer(), offsets, validity, false);
    }

    boolean isNull(int row) {
        return allNull || (validity != null && ((validity.getByte(row >>> 3) >>> (row & 7)) & 1) == 0);
    }
}
