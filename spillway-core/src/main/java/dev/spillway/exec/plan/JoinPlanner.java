package dev.spillway.exec.plan;

import dev.spillway.expr.Call;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.expr.Function;
import dev.spillway.plan.Join;
import dev.spillway.plan.JoinType;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Plans one logical join: splits the condition into equi-join keys (left expression = right
 * expression) and a residual, computes non-column keys with projections, lets the side estimated
 * smaller be the build side when the join type allows, and restores the logical column order.
 */
final class JoinPlanner {
    private JoinPlanner() {}

    static PhysicalPlan plan(Join join, PhysicalPlan left, PhysicalPlan right, double leftRows, double rightRows) {
        int leftWidth = left.schema().size();
        int rightWidth = right.schema().size();
        List<Expr> leftKeys = new ArrayList<>();
        List<Expr> rightKeys = new ArrayList<>();
        List<Expr> residual = new ArrayList<>();
        for (Expr conjunct : Exprs.conjuncts(join.condition())) {
            if (Exprs.isTrue(conjunct)) {
                continue;
            }
            if (conjunct instanceof Call call && call.function() == Function.EQUAL) {
                Expr a = call.args().get(0);
                Expr b = call.args().get(1);
                Side sideA = side(a, leftWidth);
                Side sideB = side(b, leftWidth);
                if (sideA == Side.LEFT && sideB == Side.RIGHT) {
                    leftKeys.add(a);
                    rightKeys.add(Exprs.shift(b, -leftWidth));
                    continue;
                }
                if (sideA == Side.RIGHT && sideB == Side.LEFT) {
                    leftKeys.add(b);
                    rightKeys.add(Exprs.shift(a, -leftWidth));
                    continue;
                }
            }
            residual.add(conjunct);
        }
        KeyedInput keyedLeft = keyed(left, leftKeys);
        KeyedInput keyedRight = keyed(right, rightKeys);
        int leftExtra = keyedLeft.plan.schema().size() - leftWidth;
        int rightExtra = keyedRight.plan.schema().size() - rightWidth;
        int newLeftWidth = leftWidth + leftExtra;
        int newRightWidth = rightWidth + rightExtra;

        JoinType type = join.type();
        boolean buildLeft = chooseBuildLeft(type, leftRows, rightRows);
        PhysicalPlan probe = buildLeft ? keyedRight.plan : keyedLeft.plan;
        PhysicalPlan build = buildLeft ? keyedLeft.plan : keyedRight.plan;
        JoinType probeType = buildLeft ? type.swapped() : type;

        // Residual columns: logical (left ++ right) -> physical (probe ++ build).
        int[] mapping = new int[leftWidth + rightWidth];
        for (int i = 0; i < leftWidth; i++) {
            mapping[i] = buildLeft ? newRightWidth + i : i;
        }
        for (int j = 0; j < rightWidth; j++) {
            mapping[leftWidth + j] = buildLeft ? j : newLeftWidth + j;
        }
        Expr condition = residual.isEmpty() ? null : Exprs.remap(Exprs.and(residual), mapping);
        Schema joinSchema = probeType.outputsRight() ? probe.schema().concat(build.schema()) : probe.schema();
        int[] probeKeys = buildLeft ? keyedRight.keyColumns : keyedLeft.keyColumns;
        int[] buildKeys = buildLeft ? keyedLeft.keyColumns : keyedRight.keyColumns;
        JoinExec physical = new JoinExec(probe, build, probeType, probeKeys, buildKeys, condition, joinSchema);

        List<Integer> output = new ArrayList<>();
        int outputWidth = type.outputsRight() ? leftWidth + rightWidth : leftWidth;
        for (int i = 0; i < outputWidth; i++) {
            output.add(mapping[i]);
        }
        boolean identity = joinSchema.size() == outputWidth;
        for (int i = 0; identity && i < outputWidth; i++) {
            identity = output.get(i) == i;
        }
        return identity ? physical : Projections.select(physical, output, join.schema());
    }

    private enum Side { LEFT, RIGHT, BOTH, NONE }

    private static Side side(Expr expr, int leftWidth) {
        BitSet used = Exprs.columnsUsed(expr);
        if (used.isEmpty()) {
            return Side.NONE;
        }
        boolean left = used.nextSetBit(0) < leftWidth;
        boolean right = used.length() > leftWidth;
        return left && right ? Side.BOTH : left ? Side.LEFT : Side.RIGHT;
    }

    private static boolean chooseBuildLeft(JoinType type, double leftRows, double rightRows) {
        return switch (type) {
            case INNER, FULL -> leftRows < rightRows;
            // Building the preserved side costs a pass over its unmatched rows: only worth it when much smaller.
            case LEFT -> leftRows * 4 < rightRows;
            case RIGHT -> !(rightRows * 4 < leftRows);
            case SEMI, ANTI -> false;
        };
    }

    private record KeyedInput(PhysicalPlan plan, int[] keyColumns) {}

    /** The input with every non-column key appended as a computed column. */
    private static KeyedInput keyed(PhysicalPlan input, List<Expr> keys) {
        int width = input.schema().size();
        List<Expr> extra = new ArrayList<>();
        int[] columns = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) instanceof ColumnRef ref) {
                columns[i] = ref.index();
            } else {
                columns[i] = width + extra.size();
                extra.add(keys.get(i));
            }
        }
        PhysicalPlan plan = extra.isEmpty() ? input : Projections.appendColumns(input, extra);
        return new KeyedInput(plan, columns);
    }
}
