package dev.spillway.exec.operator;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.eval.Bits;
import dev.spillway.exec.eval.EvalContext;
import dev.spillway.exec.eval.ExpressionCompiler;
import dev.spillway.exec.eval.VectorExpression;
import dev.spillway.exec.pipeline.BatchConsumer;
import dev.spillway.exec.pipeline.StreamingOperator;
import dev.spillway.expr.Expr;
import org.apache.arrow.vector.BitVector;

/** Keeps the rows where the predicate is TRUE; a batch that passes whole is forwarded untouched. */
public final class FilterOperator implements StreamingOperator {
    private final Expr predicate;

    public FilterOperator(Expr predicate) {
        this.predicate = predicate;
    }

    @Override
    public Worker newWorker(QueryContext context) {
        VectorExpression compiled = ExpressionCompiler.compile(predicate);
        EvalContext eval = new EvalContext(context.allocator());
        return (input, downstream) -> filter(compiled, eval, input, downstream);
    }

    private static void filter(VectorExpression compiled, EvalContext eval, Batch input, BatchConsumer downstream) {
        int rows = input.rowCount();
        int[] selected = eval.selectionScratch(rows);
        int count;
        try (BitVector mask = (BitVector) compiled.evaluate(input, eval)) {
            count = Bits.selectTrue(mask, rows, selected);
        } catch (RuntimeException | Error e) {
            input.close();
            throw e;
        }
        if (count == rows) {
            downstream.accept(input);
            return;
        }
        if (count == 0) {
            input.close();
            return;
        }
        Batch survivors;
        try (input) {
            survivors = Gathers.rows(input, selected, count, eval.allocator());
        }
        downstream.accept(survivors);
    }

}
