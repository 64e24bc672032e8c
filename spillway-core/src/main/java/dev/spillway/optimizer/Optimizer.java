package dev.spillway.optimizer;

import dev.spillway.plan.LogicalPlan;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Spillway's rule-based optimizer, the same for SQL and DataFrames: constant folding, predicate
 * pushdown, semi-join pushdown, join ordering, column pruning, projection merging.
 */
public final class Optimizer {
    private final BufferAllocator allocator;

    /** @param allocator scratch memory for constant folding */
    public Optimizer(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    public LogicalPlan optimize(LogicalPlan plan) {
        ConstantFolder folder = new ConstantFolder(allocator);
        LogicalPlan result = PlanExpressions.map(plan, folder::fold);
        result = PredicatePushdown.apply(result);
        result = PlanExpressions.map(result, folder::fold);
        result = SemiJoinPushdown.apply(result);
        result = JoinReorder.apply(result);
        result = ColumnPruning.apply(result);
        result = ProjectMerge.apply(result);
        return result;
    }
}
