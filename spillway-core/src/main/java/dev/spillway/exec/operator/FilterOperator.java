package dev.spillway.exec.operator;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.eval.EvalContext;
import dev.spillway.exec.eval.SelectionFilter;
import dev.spillway.exec.pipeline.BatchConsumer;
import dev.spillway.exec.pipeline.StreamingOperator;
import dev.spillway.expr.Expr;

/** Keeps the rows where the predicate is TRUE; a batch that passes whole is forwarded untouched. */
public final class FilterOperator implements StreamingOperator {
    private final Expr predicate;

    public FilterOperator(Expr predicate) {
        this.predicate = predicate;
    }

    @Override
    public Worker newWorker(QueryContext context) {
        SelectionFilter compiled = SelectionFilter.compile(predicate);
        EvalContext eval = new EvalContext(context.allocator());
        return (input, downstream) -> filter(compiled, eval, input, downstream);
    }

    private static void filter(SelectionFilter compiled, EvalContext eval, Batch input, BatchConsumer downstream) {
        int rows = input.rowCount();
        int[] selected = eval.selectionScratch(rows);
        int count;
        try {
            count = compiled.select(input, selected, eval);
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
