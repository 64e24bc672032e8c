package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import dev.spillway.types.DataType;
import java.util.BitSet;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Evaluation restricted to some rows, so that a branch which could fail (a cast, a division) only sees
 * the rows SQL semantics say it sees: CASE branches, the right side of AND/OR, later COALESCE arguments.
 */
final class Subsets {
    private Subsets() {}

    /**
     * Evaluates {@code expression} on {@code rows[0..count)} only; the result has {@code count} rows.
     * Only the columns in {@code used} are gathered; the others are empty placeholders.
     */
    static FieldVector evaluateOn(VectorExpression expression, BitSet used, Batch batch, int[] rows, int count, EvalContext context) {
        FieldVector[] columns = new FieldVector[batch.columnCount()];
        try {
            for (int i = 0; i < columns.length; i++) {
                if (used.get(i)) {
                    columns[i] = Vectors.gather(batch.column(i), batch.schema().type(i), rows, count, context.allocator());
                } else {
                    columns[i] = new NullVector(batch.schema().field(i).name(), count);
                }
            }
        } catch (RuntimeException | Error e) {
            for (FieldVector column : columns) {
                if (column != null) {
                    column.close();
                }
            }
            throw e;
        }
        try (Batch subset = new Batch(batch.schema(), columns, count)) {
            return expression.evaluate(subset, context);
        }
    }

    /**
     * Builds a vector of {@code rowCount} rows where row r is {@code sources[sourceOf[r]][indexIn[r]]},
     * or NULL when {@code sourceOf[r] < 0}.
     */
    static FieldVector assemble(DataType type, FieldVector[] sources, int[] sourceOf, int[] indexIn, int rowCount, EvalContext context) {
        FieldVector out = Results.newVector(type, rowCount, context);
        try {
            if (out instanceof NullVector) {
                out.setValueCount(rowCount);
                return out;
            }
            ArrowBuf valid = out.getValidityBuffer();
            valid.setZero(0, Bits.wordBytes(rowCount));
            Physical physical = Physical.of(type);
            if (physical == Physical.UTF8) {
                VarCharVector strings = (VarCharVector) out;
                for (int r = 0; r < rowCount; r++) {
                    int s = sourceOf[r];
                    if (s < 0 || sources[s] instanceof NullVector || sources[s].isNull(indexIn[r])) {
                        strings.setNull(r);
                        continue;
                    }
                    VarCharVector source = (VarCharVector) sources[s];
                    int start = source.getStartOffset(indexIn[r]);
                    int length = source.getEndOffset(indexIn[r]) - start;
                    strings.setSafe(r, source.getDataBuffer().nioBuffer(start, length), 0, length);
                }
                strings.setValueCount(rowCount);
                return strings;
            }
            ArrowBuf data = out.getDataBuffer();
            int width = type.fixedWidth();
            for (int r = 0; r < rowCount; r++) {
                int s = sourceOf[r];
                if (s < 0 || sources[s] instanceof NullVector) {
                    continue;
                }
                int row = indexIn[r];
                FieldVector source = sources[s];
                if (!Bits.isSet(source.getValidityBuffer(), row)) {
                    continue;
                }
                Bits.set(valid, r);
                if (physical == Physical.BIT) {
                    if (Bits.isSet(((BitVector) source).getDataBuffer(), row)) {
                        Bits.set(data, r);
                    } else {
                        Bits.clear(data, r);
                    }
                } else {
                    data.setBytes((long) r * width, source.getDataBuffer(), (long) row * width, width);
                }
            }
            out.setValueCount(rowCount);
            return out;
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }
}
