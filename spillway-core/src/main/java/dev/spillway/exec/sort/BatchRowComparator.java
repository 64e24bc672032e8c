package dev.spillway.exec.sort;

import dev.spillway.data.Batch;
import dev.spillway.exec.eval.Bits;
import dev.spillway.exec.eval.Int128;
import dev.spillway.exec.eval.Physical;
import dev.spillway.exec.eval.Strings;
import dev.spillway.types.Schema;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/** Orders rows of any two batches of one schema by the sort keys (the merge step of an external sort). */
final class BatchRowComparator {
    private final SortSpec[] keys;
    private final Physical[] physical;

    BatchRowComparator(Schema schema, List<SortSpec> keys) {
        this.keys = keys.toArray(SortSpec[]::new);
        this.physical = new Physical[this.keys.length];
        for (int k = 0; k < this.keys.length; k++) {
            physical[k] = Physical.of(schema.type(this.keys[k].column()));
        }
    }

    int compare(Batch a, int rowA, Batch b, int rowB) {
        for (int k = 0; k < keys.length; k++) {
            FieldVector x = a.column(keys[k].column());
            FieldVector y = b.column(keys[k].column());
            boolean nullX = x instanceof NullVector || !Bits.isSet(x.getValidityBuffer(), rowA);
            boolean nullY = y instanceof NullVector || !Bits.isSet(y.getValidityBuffer(), rowB);
            if (nullX || nullY) {
                if (nullX && nullY) {
                    continue;
                }
                return (nullX == keys[k].nullsFirst()) ? -1 : 1;
            }
            int result = compareValues(physical[k], x, rowA, y, rowB);
            if (result != 0) {
                return keys[k].ascending() ? result : -result;
            }
        }
        return 0;
    }

    static int compareValues(Physical physical, FieldVector x, int rowA, FieldVector y, int rowB) {
        ArrowBuf p = x.getDataBuffer();
        ArrowBuf q = y.getDataBuffer();
        return switch (physical) {
            case INT32 -> Integer.compare(p.getInt((long) rowA << 2), q.getInt((long) rowB << 2));
            case INT64 -> Long.compare(p.getLong((long) rowA << 3), q.getLong((long) rowB << 3));
            case FLOAT64 -> compareDoubles(p.getDouble((long) rowA << 3), q.getDouble((long) rowB << 3));
            case DEC128 -> Int128.compare(p.getLong(((long) rowA << 4) + 8), p.getLong((long) rowA << 4),
                    q.getLong(((long) rowB << 4) + 8), q.getLong((long) rowB << 4));
            case BIT -> Boolean.compare(Bits.isSet(p, rowA), Bits.isSet(q, rowB));
            case UTF8 -> {
                ArrowBuf po = x.getOffsetBuffer();
                ArrowBuf qo = y.getOffsetBuffer();
                int ps = po.getInt((long) rowA << 2);
                int qs = qo.getInt((long) rowB << 2);
                yield Strings.compare(p, ps, po.getInt((long) (rowA + 1) << 2) - ps, q, qs, qo.getInt((long) (rowB + 1) << 2) - qs);
            }
            case NULL -> 0;
        };
    }

    /** SQL order of doubles: NaN after everything, -0.0 equal to 0.0. */
    static int compareDoubles(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        boolean nanA = Double.isNaN(a);
        boolean nanB = Double.isNaN(b);
        return nanA == nanB ? 0 : (nanA ? 1 : -1);
    }
}
