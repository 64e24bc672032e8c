package dev.spillway.optimizer;

import dev.spillway.expr.AggregateCall;
import dev.spillway.expr.Expr;
import dev.spillway.plan.Aggregate;
import dev.spillway.plan.Filter;
import dev.spillway.plan.Join;
import dev.spillway.plan.Limit;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Project;
import dev.spillway.plan.Scan;
import dev.spillway.plan.Sort;
import dev.spillway.plan.UnionAll;
import dev.spillway.plan.Values;
import java.util.List;
import java.util.function.UnaryOperator;

/** Applies an expression rewrite to every expression of a plan, bottom-up. */
final class PlanExpressions {
    private PlanExpressions() {}

    static LogicalPlan map(LogicalPlan plan, UnaryOperator<Expr> rewrite) {
        List<LogicalPlan> inputs = plan.inputs().stream().map(input -> map(input, rewrite)).toList();
        LogicalPlan node = inputs.isEmpty() ? plan : plan.withInputs(inputs);
        return switch (node) {
            case Project project -> new Project(project.input(), project.exprs().stream().map(rewrite).toList(), project.names());
            case Filter filter -> new Filter(filter.input(), rewrite.apply(filter.condition()));
            case Aggregate aggregate -> new Aggregate(aggregate.input(), aggregate.keys().stream().map(rewrite).toList(), aggregate.keyNames(),
                    aggregate.aggregates().stream().map(call -> call.withArgs(call.args().stream().map(rewrite).toList())).toList());
            case Join join -> new Join(join.left(), join.right(), join.type(), rewrite.apply(join.condition()));
            case Sort sort -> new Sort(sort.input(), sort.keys().stream().map(key -> key.withExpr(rewrite.apply(key.expr()))).toList());
            case Scan scan -> new Scan(scan.source(), scan.projection(), scan.filters().stream().map(rewrite).toList());
            case Limit limit -> limit;
            case UnionAll union -> union;
            case Values values -> values;
        };
    }

    static List<AggregateCall> calls(Aggregate aggregate) {
        return aggregate.aggregates();
    }
}
