package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.data.ColumnBuilder;
import dev.spillway.data.Values;
import dev.spillway.types.DataType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A function evaluated value by value on Java objects. For functions too rare to deserve their own
 * kernel; {@code strict} functions return NULL when any argument is NULL without being called.
 */
final class RowwiseExpression implements VectorExpression {
    /** Computes one result from the argument values (canonical Java classes). */
    interface RowFunction {
        Object apply(Object[] args);
    }

    private final DataType type;
    private final List<VectorExpression> args;
    private final RowFunction function;
    private final boolean strict;

    RowwiseExpression(DataType type, List<VectorExpression> args, boolean strict, RowFunction function) {
        this.type = type;
        this.args = args;
        this.strict = strict;
        this.function = function;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        int rows = batch.rowCount();
        FieldVector[] inputs = new FieldVector[args.size()];
        try {
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = args.get(i).evaluate(batch, context);
            }
            try (ColumnBuilder builder = new ColumnBuilder(type, "result", rows, context.allocator())) {
                Object[] values = new Object[inputs.length];
                for (int row = 0; row < rows; row++) {
                    boolean anyNull = false;
                    for (int i = 0; i < inputs.length; i++) {
                        values[i] = Values.get(inputs[i], args.get(i).type(), row);
                        anyNull |= values[i] == null;
                    }
                    builder.append(strict && anyNull ? null : function.apply(values));
                }
                return builder.finish();
            }
        } finally {
            for (FieldVector input : inputs) {
                if (input != null) {
                    input.close();
                }
            }
        }
    }
}
