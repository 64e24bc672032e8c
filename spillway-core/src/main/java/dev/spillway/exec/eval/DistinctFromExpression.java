package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.types.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code a IS [NOT] DISTINCT FROM b}: equality where two NULLs are equal and NULL differs from any value;
 * never NULL. Built on the equality kernel plus the operands' validity.
 */
final class DistinctFromExpression implements VectorExpression {
    private final VectorExpression equality;
    private final VectorExpression left;
    private final VectorExpression right;
    private final boolean distinct;

    DistinctFromExpression(VectorExpression equality, VectorExpression left, VectorExpression right, boolean distinct) {
        this.equality = equality;
        this.left = left;
        this.right = right;
        this.distinct = distinct;
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        int rows = batch.rowCount();
        try (BitVector equal = (BitVector) equality.evaluate(batch, context);
                FieldVector a = left.evaluate(batch, context);
                FieldVector b = right.evaluate(batch, context)) {
            BitVector out = Results.newBits(rows, context);
            ArrowBuf av = Bits.validity(a);
            ArrowBuf bv = Bits.validity(b);
            ArrowBuf eq = equal.getDataBuffer();
            ArrowBuf eqValid = equal.getValidityBuffer();
            ArrowBuf target = out.getDataBuffer();
            for (int w = 0; w < Bits.words(rows); w++) {
                long o = (long) w << 3;
                long x = av == null ? 0 : av.getLong(o);
                long y = bv == null ? 0 : bv.getLong(o);
                long same = (~x & ~y) | (x & y & eq.getLong(o) & eqValid.getLong(o));
                target.setLong(o, distinct ? ~same : same);
            }
            Bits.setAll(out.getValidityBuffer(), rows);
            out.setValueCount(rows);
            return out;
        }
    }
}
