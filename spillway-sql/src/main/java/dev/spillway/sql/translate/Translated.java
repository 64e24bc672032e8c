package dev.spillway.sql.translate;

import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.Expr;
import dev.spillway.plan.LogicalPlan;
import java.util.List;

/**
 * A translated relational node.
 *
 * <p>Inside a correlated sub-query, the conditions that compare with the outer query's row cannot be
 * evaluated where they are written; they are lifted out, up to the join that will replace the sub-query.
 * {@code lifted} holds them, over "lifted coordinates": the outer row's columns first, then this plan's
 * columns. To keep them evaluable, the plan may carry extra columns after its first {@code width} (the
 * columns Calcite knows of).
 *
 * @param plan the Spillway plan
 * @param width how many of the plan's columns are the node's own; the rest serve lifted conditions
 * @param lifted correlated conditions, AND-ed, still to be applied by the join that replaces the sub-query
 * @param groupedByCorrelation whether an aggregate was grouped by the correlation columns, so that the plan
 *     has at most one row per outer row (what makes a correlated scalar sub-query a LEFT join)
 */
record Translated(LogicalPlan plan, int width, List<Expr> lifted, boolean groupedByCorrelation) {
    Translated {
        lifted = List.copyOf(lifted);
    }

    static Translated of(LogicalPlan plan) {
        return new Translated(plan, plan.schema().size(), List.of(), false);
    }

    boolean isCorrelated() {
        return !lifted.isEmpty();
    }

    /** The plan of a node that cannot pass correlated conditions upwards. */
    LogicalPlan uncorrelated(String node) {
        if (isCorrelated()) {
            throw SpillwayException.userError("correlated sub-queries are not supported below %s", node);
        }
        return plan;
    }

    /** The plan cut back to its own columns. */
    static LogicalPlan narrowed(LogicalPlan plan, int width) {
        if (plan.schema().size() == width) {
            return plan;
        }
        List<Expr> columns = RexScope.columns(plan.schema(), 0).subList(0, width);
        return Projections.project(plan, columns, plan.schema().names().subList(0, width));
    }
}
