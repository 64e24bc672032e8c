package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import dev.spillway.types.DataType;
import org.apache.arrow.vector.FieldVector;

/** An input column, shared (reference counted) rather than copied. */
final class ColumnExpression implements VectorExpression {
    private final int index;
    private final DataType type;

    ColumnExpression(int index, DataType type) {
        this.index = index;
        this.type = type;
    }

    int index() {
        return index;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        return Vectors.share(batch.column(index), batch.rowCount(), context.allocator());
    }
}
