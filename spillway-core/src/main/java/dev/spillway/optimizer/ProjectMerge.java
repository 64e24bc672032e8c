package dev.spillway.optimizer;

import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.expr.Literal;
import dev.spillway.plan.Limit;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Project;
import java.util.List;

/**
 * Merges a projection into the projection below it when that computes nothing twice, drops identity
 * projections, and moves LIMIT below projections (so ORDER BY + LIMIT meet and become a top-N).
 */
final class ProjectMerge {
    private ProjectMerge() {}

    static LogicalPlan apply(LogicalPlan plan) {
        List<LogicalPlan> inputs = plan.inputs().stream().map(ProjectMerge::apply).toList();
        LogicalPlan node = inputs.isEmpty() ? plan : plan.withInputs(inputs);
        if (node instanceof Limit limit && limit.input() instanceof Project project) {
            return new Project(apply(new Limit(project.input(), limit.offset(), limit.limit())), project.exprs(), project.names());
        }
        if (node instanceof Project outer && outer.input() instanceof Project inner && mergeable(outer, inner)) {
            List<Expr> exprs = outer.exprs().stream().map(e -> Exprs.inline(e, inner.exprs())).toList();
            return apply(new Project(inner.input(), exprs, outer.names()));
        }
        if (node instanceof Project project && isIdentity(project)) {
            return project.input();
        }
        return node;
    }

    /** Inlining is free when each inner expression is trivial or used at most once. */
    private static boolean mergeable(Project outer, Project inner) {
        int[] uses = new int[inner.exprs().size()];
        for (Expr expr : outer.exprs()) {
            Exprs.transform(expr, e -> {
                if (e instanceof ColumnRef ref) {
                    uses[ref.index()]++;
                }
                return e;
            });
        }
        for (int i = 0; i < uses.length; i++) {
            Expr expr = inner.exprs().get(i);
            if (uses[i] > 1 && !(expr instanceof ColumnRef) && !(expr instanceof Literal)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentity(Project project) {
        if (project.exprs().size() != project.input().schema().size()) {
            return false;
        }
        for (int i = 0; i < project.exprs().size(); i++) {
            if (!(project.exprs().get(i) instanceof ColumnRef ref) || ref.index() != i
                    || !project.names().get(i).equals(project.input().schema().field(i).name())) {
                return false;
            }
        }
        return true;
    }
}
