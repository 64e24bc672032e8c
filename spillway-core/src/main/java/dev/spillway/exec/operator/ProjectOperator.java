package dev.spillway.exec.operator;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.eval.EvalContext;
import dev.spillway.exec.eval.ExpressionCompiler;
import dev.spillway.exec.eval.VectorExpression;
import dev.spillway.exec.pipeline.BatchConsumer;
import dev.spillway.exec.pipeline.StreamingOperator;
import dev.spillway.expr.Expr;
import dev.spillway.types.Schema;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Computes output columns from expressions. A plain column reference is moved from the input batch
 * without copying (or shared when referenced twice), so projections that only select and reorder
 * cost nothing per row.
 */
public final class ProjectOperator implements StreamingOperator {
    private final List<Expr> exprs;
    private final Schema schema;

    public ProjectOperator(List<Expr> exprs, Schema schema) {
        this.exprs = List.copyOf(exprs);
        this.schema = schema;
    }

    @Override
    public Worker newWorker(QueryContext context) {
        VectorExpression[] compiled = exprs.stream().map(ExpressionCompiler::compile).toArray(VectorExpression[]::new);
        EvalContext eval = new EvalContext(context.allocator());
        return (input, downstream) -> project(compiled, eval, input, downstream);
    }

    private void project(VectorExpression[] compiled, EvalContext eval, Batch input, BatchConsumer downstream) {
        FieldVector[] columns = new FieldVector[compiled.length];
        Batch output;
        try (input) {
            int rows = input.rowCount();
            // Computed columns first: they may read columns that are then moved out.
            for (int i = 0; i < compiled.length; i++) {
                if (ExpressionCompiler.columnIndex(compiled[i]) < 0) {
                    columns[i] = compiled[i].evaluate(input, eval);
                }
            }
            boolean[] moved = new boolean[input.columnCount()];
            for (int i = 0; i < compiled.length; i++) {
                int source = ExpressionCompiler.columnIndex(compiled[i]);
                if (source >= 0 && !moved[source] && referencedOnce(compiled, source)) {
                    columns[i] = input.takeColumn(source);
                    moved[source] = true;
                } else if (source >= 0) {
                    columns[i] = Vectors.share(input.column(source), rows, eval.allocator());
                }
            }
            output = new Batch(schema, columns, rows);
        } catch (RuntimeException | Error e) {
            for (FieldVector column : columns) {
                if (column != null) {
                    column.close();
                }
            }
            throw e;
        }
        downstream.accept(output);
    }

    private static boolean referencedOnce(VectorExpression[] compiled, int source) {
        int count = 0;
        for (VectorExpression expression : compiled) {
            if (ExpressionCompiler.columnIndex(expression) == source) {
                count++;
            }
        }
        return count == 1;
    }
}
