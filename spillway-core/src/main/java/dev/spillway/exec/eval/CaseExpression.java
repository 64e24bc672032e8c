package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.data.MultiSourceGather;
import dev.spillway.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * CASE WHEN c1 THEN v1 ... ELSE e END, and COALESCE (as CASE WHEN x IS NOT NULL THEN x ...).
 *
 * <p>Algorithm: keep the set of undecided rows; each condition is evaluated on the undecided rows only,
 * and each value on the rows its condition selected, so a branch never sees (or fails on) rows of
 * another branch. The final vector is assembled from the branch results in one pass.
 */
final class CaseExpression implements VectorExpression {
    private final DataType type;
    private final List<VectorExpression> conditions;
    private final List<VectorExpression> values;
    private final VectorExpression otherwise;
    private final BitSet usedColumns;

    CaseExpression(DataType type, List<VectorExpression> conditions, List<VectorExpression> values, VectorExpression otherwise, BitSet usedColumns) {
        this.type = type;
        this.conditions = conditions;
        this.values = values;
        this.otherwise = otherwise;
        this.usedColumns = usedColumns;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        int rows = batch.rowCount();
        int[] undecided = new int[rows];
        for (int i = 0; i < rows; i++) {
            undecided[i] = i;
        }
        int undecidedCount = rows;
        int[] sourceOf = new int[rows];
        int[] indexIn = new int[rows];
        Arrays.fill(sourceOf, -1);
        List<FieldVector> sources = new ArrayList<>();
        try {
            for (int branch = 0; branch < conditions.size() && undecidedCount > 0; branch++) {
                int[] chosen = new int[undecidedCount];
                int chosenCount = 0;
                int[] rest = new int[undecidedCount];
                int restCount = 0;
                try (BitVector condition = (BitVector) evaluateOn(conditions.get(branch), batch, undecided, undecidedCount, context)) {
                    for (int i = 0; i < undecidedCount; i++) {
                        if (!condition.isNull(i) && condition.get(i) != 0) {
                            chosen[chosenCount++] = undecided[i];
                        } else {
                            rest[restCount++] = undecided[i];
                        }
                    }
                }
                if (chosenCount > 0) {
                    addSource(values.get(branch), batch, chosen, chosenCount, sources, sourceOf, indexIn, context);
                }
                undecided = rest;
                undecidedCount = restCount;
            }
            if (undecidedCount > 0) {
                addSource(otherwise, batch, undecided, undecidedCount, sources, sourceOf, indexIn, context);
            }
            return MultiSourceGather.assemble(type, sources.toArray(FieldVector[]::new), sourceOf, indexIn, rows, context.allocator());
        } finally {
            for (FieldVector source : sources) {
                source.close();
            }
        }
    }

    private void addSource(VectorExpression value, Batch batch, int[] rows, int count, List<FieldVector> sources,
            int[] sourceOf, int[] indexIn, EvalContext context) {
        FieldVector result = evaluateOn(value, batch, rows, count, context);
        int source = sources.size();
        sources.add(result);
        for (int i = 0; i < count; i++) {
            sourceOf[rows[i]] = source;
            indexIn[rows[i]] = i;
        }
    }

    /** Evaluates on the listed rows; the result is indexed by position in {@code rows}. */
    private FieldVector evaluateOn(VectorExpression expression, Batch batch, int[] rows, int count, EvalContext context) {
        if (count == batch.rowCount()) {
            return expression.evaluate(batch, context);
        }
        return Subsets.evaluateOn(expression, usedColumns, batch, rows, count, context);
    }
}
