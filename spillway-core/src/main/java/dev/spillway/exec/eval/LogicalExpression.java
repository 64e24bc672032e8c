package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.data.MultiSourceGather;
import dev.spillway.expr.Function;
import dev.spillway.types.DataType;
import java.util.BitSet;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * AND / OR with SQL three-valued logic, 64 rows per step on the bitmaps. When the right side can fail
 * (see {@code Exprs.canFail}), it is evaluated only on rows the left side does not already decide, so
 * {@code b <> 0 AND a % b > 1} never divides by zero.
 */
final class LogicalExpression implements VectorExpression {
    private final boolean isAnd;
    private final VectorExpression left;
    private final VectorExpression right;
    private final BitSet rightColumns;

    /** @param rightColumns columns the right side reads, or null to evaluate it on all rows */
    LogicalExpression(Function op, VectorExpression left, VectorExpression right, BitSet rightColumns) {
        this.isAnd = op == Function.AND;
        this.left = left;
        this.right = right;
        this.rightColumns = rightColumns;
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        int rows = batch.rowCount();
        try (BitVector a = (BitVector) left.evaluate(batch, context);
                BitVector b = rightColumns == null ? (BitVector) right.evaluate(batch, context) : lazyRight(a, batch, context)) {
            BitVector out = Results.newBits(rows, context);
            ArrowBuf av = a.getDataBuffer();
            ArrowBuf an = a.getValidityBuffer();
            ArrowBuf bv = b.getDataBuffer();
            ArrowBuf bn = b.getValidityBuffer();
            ArrowBuf ov = out.getDataBuffer();
            ArrowBuf on = out.getValidityBuffer();
            for (int w = 0; w < Bits.words(rows); w++) {
                long o = (long) w << 3;
                long aValue = av.getLong(o) & an.getLong(o);
                long aValid = an.getLong(o);
                long bValue = bv.getLong(o) & bn.getLong(o);
                long bValid = bn.getLong(o);
                if (isAnd) {
                    long aFalse = aValid & ~aValue;
                    long bFalse = bValid & ~bValue;
                    ov.setLong(o, aValue & bValue);
                    on.setLong(o, (aValid & bValid) | aFalse | bFalse);
                } else {
                    ov.setLong(o, aValue | bValue);
                    on.setLong(o, (aValid & bValid) | aValue | bValue);
                }
            }
            out.setValueCount(rows);
            return out;
        }
    }

    /** Evaluates the right side only where the left side is not decisive (not FALSE for AND, not TRUE for OR). */
    private BitVector lazyRight(BitVector a, Batch batch, EvalContext context) {
        int rows = batch.rowCount();
        int[] needed = new int[rows];
        int count = 0;
        ArrowBuf av = a.getDataBuffer();
        ArrowBuf an = a.getValidityBuffer();
        for (int i = 0; i < rows; i++) {
            boolean valid = Bits.isSet(an, i);
            boolean value = Bits.isSet(av, i);
            boolean decided = valid && (isAnd ? !value : value);
            if (!decided) {
                needed[count++] = i;
            }
        }
        if (count == rows) {
            return (BitVector) right.evaluate(batch, context);
        }
        FieldVector[] sources = new FieldVector[1];
        int[] sourceOf = new int[rows];
        int[] indexIn = new int[rows];
        java.util.Arrays.fill(sourceOf, -1);
        for (int i = 0; i < count; i++) {
            sourceOf[needed[i]] = 0;
            indexIn[needed[i]] = i;
        }
        if (count == 0) {
            sources[0] = null;
            return (BitVector) MultiSourceGather.assemble(DataType.BOOLEAN, new FieldVector[0], sourceOf, indexIn, rows, context.allocator());
        }
        try (FieldVector partial = Subsets.evaluateOn(right, rightColumns, batch, needed, count, context)) {
            sources[0] = partial;
            return (BitVector) MultiSourceGather.assemble(DataType.BOOLEAN, sources, sourceOf, indexIn, rows, context.allocator());
        }
    }
}
