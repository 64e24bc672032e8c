package dev.spillway.exec.join;

import dev.spillway.exec.eval.Physical;
import dev.spillway.exec.eval.Strings;
import dev.spillway.exec.hash.Hashing;
import dev.spillway.types.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/** Equality of two non-NULL values in two vectors of the same type. */
final class RowEquality {
    private RowEquality() {}

    static boolean equal(FieldVector a, int rowA, FieldVector b, int rowB, DataType type) {
        ArrowBuf x = a.getDataBuffer();
        ArrowBuf y = b.getDataBuffer();
        return switch (Physical.of(type)) {
            case INT32 -> x.getInt((long) rowA << 2) == y.getInt((long) rowB << 2);
            case INT64 -> x.getLong((long) rowA << 3) == y.getLong((long) rowB << 3);
            case FLOAT64 -> {
                double p = Hashing.normalize(x.getDouble((long) rowA << 3));
                double q = Hashing.normalize(y.getDouble((long) rowB << 3));
                yield p == q || (Double.isNaN(p) && Double.isNaN(q));
            }
            case DEC128 -> x.getLong((long) rowA << 4) == y.getLong((long) rowB << 4)
                    && x.getLong(((long) rowA << 4) + 8) == y.getLong(((long) rowB << 4) + 8);
            case BIT -> ((x.getByte(rowA >>> 3) >>> (rowA & 7)) & 1) == ((y.getByte(rowB >>> 3) >>> (rowB & 7)) & 1);
            case UTF8 -> {
                ArrowBuf xo = a.getOffsetBuffer();
                ArrowBuf yo = b.getOffsetBuffer();
                int xs = xo.getInt((long) rowA << 2);
                int ys = yo.getInt((long) rowB << 2);
                yield Strings.equals(x, xs, xo.getInt((long) (rowA + 1) << 2) - xs, y, ys, yo.getInt((long) (rowB + 1) << 2) - ys);
            }
            case NULL -> false;
        };
    }
}
