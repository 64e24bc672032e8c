package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.types.DataType;
import org.apache.arrow.vector.FieldVector;

/**
 * A compiled expression: evaluates over all rows of a batch at once and returns a new vector the
 * caller owns (and must close). Instances are per worker thread; they may keep scratch buffers.
 */
public interface VectorExpression {
    DataType type();

    FieldVector evaluate(Batch batch, EvalContext context);
}
