package dev.spillway.optimizer;

import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.plan.Filter;
import dev.spillway.plan.Join;
import dev.spillway.plan.JoinType;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Project;
import java.util.BitSet;
import java.util.List;

/**
 * A SEMI or ANTI join only filters its left input, so it can move down the left side like a filter:
 * below projections that pass its columns through, below filters, and into the side of an inner join
 * that holds all the left columns its condition reads. SQL's {@code x IN (subquery)} over a multi-way
 * join then filters the one table it is about before the big joins (TPC-H Q18).
 */
final class SemiJoinPushdown {
    private SemiJoinPushdown() {}

    static LogicalPlan apply(LogicalPlan plan) {
        List<LogicalPlan> inputs = plan.inputs().stream().map(SemiJoinPushdown::apply).toList();
        LogicalPlan node = inputs.isEmpty() ? plan : plan.withInputs(inputs);
        if (node instanceof Join join && (join.type() == JoinType.SEMI || join.type() == JoinType.ANTI)) {
            LogicalPlan pushed = pushInto(join.left(), join);
            return pushed != null ? pushed : join;
        }
        return node;
    }

    /**
     * The semi join applied inside {@code input} instead of on top of it, or null when it cannot move.
     * The condition reads input columns {@code [0, width)} and right columns after them.
     */
    private static LogicalPlan pushInto(LogicalPlan input, Join semi) {
        int width = input.schema().size();
        BitSet leftUsed = Exprs.columnsUsed(semi.condition()).get(0, width);
        switch (input) {
            case Filter filter -> {
                LogicalPlan below = push(filter.input(), semi, identity(width));
                return below == null ? null : new Filter(below, filter.condition());
            }
            case Project project -> {
                // Columns the condition reads must be plain column references below the projection.
                int inputWidth = project.input().schema().size();
                int[] mapping = new int[width + semi.right().schema().size()];
                for (int column = 0; column < width; column++) {
                    mapping[column] = project.exprs().get(column) instanceof ColumnRef ref ? ref.index() : -1;
                }
                for (int column = leftUsed.nextSetBit(0); column >= 0; column = leftUsed.nextSetBit(column + 1)) {
                    if (mapping[column] < 0) {
                        return null;
                    }
                }
                LogicalPlan below = push(project.input(), semi, mapping);
                return below == null ? null : new Project(below, project.exprs(), project.names());
            }
            case Join join when join.type() == JoinType.INNER -> {
                int joinLeftWidth = join.left().schema().size();
                if (leftUsed.isEmpty()) {
                    return null;
                }
                if (leftUsed.length() <= joinLeftWidth) {
                    LogicalPlan left = push(join.left(), semi, identity(width));
                    return left == null ? null : new Join(left, join.right(), JoinType.INNER, join.condition());
                }
                if (leftUsed.nextSetBit(0) >= joinLeftWidth) {
                    int[] mapping = new int[width + semi.right().schema().size()];
                    for (int column = 0; column < width; column++) {
                        mapping[column] = column - joinLeftWidth;
                    }
                    LogicalPlan right = push(join.right(), semi, mapping);
                    return right == null ? null : new Join(join.left(), right, JoinType.INNER, join.condition());
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Applies the semi join to {@code target}, whose columns are reached through {@code mapping} (old
     * left column -> target column; the semi join's right columns follow the target's), pushing further
     * down when possible.
     */
    private static LogicalPlan push(LogicalPlan target, Join semi, int[] mapping) {
        int oldWidth = semi.left().schema().size();
        int targetWidth = target.schema().size();
        int rightWidth = semi.right().schema().size();
        int[] full = new int[oldWidth + rightWidth];
        for (int column = 0; column < oldWidth; column++) {
            full[column] = column < mapping.length ? mapping[column] : -1;
        }
        for (int column = 0; column < rightWidth; column++) {
            full[oldWidth + column] = targetWidth + column;
        }
        Expr condition;
        try {
            condition = Exprs.remap(semi.condition(), full);
        } catch (IllegalStateException e) {
            return null;
        }
        Join moved = new Join(target, semi.right(), semi.type(), condition);
        LogicalPlan deeper = pushInto(target, moved);
        return deeper != null ? deeper : moved;
    }

    private static int[] identity(int width) {
        int[] mapping = new int[width];
        for (int i = 0; i < width; i++) {
            mapping[i] = i;
        }
        return mapping;
    }
}
