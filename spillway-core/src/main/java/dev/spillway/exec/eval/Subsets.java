package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import java.util.BitSet;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

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
}
