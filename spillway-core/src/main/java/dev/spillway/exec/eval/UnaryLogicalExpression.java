package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.expr.Function;
import dev.spillway.types.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/** NOT, IS NULL and IS NOT NULL, word at a time. */
final class UnaryLogicalExpression implements VectorExpression {
    private final Function op;
    private final VectorExpression input;

    UnaryLogicalExpression(Function op, VectorExpression input) {
        this.op = op;
        this.input = input;
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        int rows = batch.rowCount();
        try (FieldVector value = input.evaluate(batch, context)) {
            BitVector out = Results.newBits(rows, context);
            ArrowBuf data = out.getDataBuffer();
            ArrowBuf valid = out.getValidityBuffer();
            if (op == Function.NOT) {
                if (value instanceof NullVector) {
                    valid.setZero(0, Bits.wordBytes(rows));
                } else {
                    ArrowBuf source = value.getDataBuffer();
                    for (int w = 0; w < Bits.words(rows); w++) {
                        long o = (long) w << 3;
                        data.setLong(o, ~source.getLong(o));
                    }
                    Bits.copy(value.getValidityBuffer(), valid, rows);
                }
            } else {
                Bits.setAll(valid, rows);
                if (value instanceof NullVector) {
                    if (op == Function.IS_NULL) {
                        Bits.setAll(data, rows);
                    } else {
                        data.setZero(0, Bits.wordBytes(rows));
                    }
                } else {
                    ArrowBuf source = value.getValidityBuffer();
                    boolean isNull = op == Function.IS_NULL;
                    for (int w = 0; w < Bits.words(rows); w++) {
                        long o = (long) w << 3;
                        long bits = source.getLong(o);
                        data.setLong(o, isNull ? ~bits : bits);
                    }
                }
            }
            out.setValueCount(rows);
            return out;
        }
    }
}
