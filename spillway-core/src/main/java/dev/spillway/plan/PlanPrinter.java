package dev.spillway.plan;

import dev.spillway.expr.AggregateCall;
import java.util.stream.Collectors;

/** Renders a logical plan as an indented tree for EXPLAIN and tests. */
public final class PlanPrinter {
    private PlanPrinter() {}

    public static String print(LogicalPlan plan) {
        StringBuilder text = new StringBuilder();
        print(plan, 0, text);
        return text.toString();
    }

    private static void print(LogicalPlan plan, int depth, StringBuilder text) {
        text.append("  ".repeat(depth)).append(describe(plan)).append('\n');
        for (LogicalPlan input : plan.inputs()) {
            print(input, depth + 1, text);
        }
    }

    public static String describe(LogicalPlan plan) {
        return switch (plan) {
            case Scan scan -> "Scan " + scan.source().describe() + " columns=" + scan.schema().names()
                    + (scan.filters().isEmpty() ? "" : " filters=" + scan.filters());
            case Values values -> "Values rows=" + values.rows().size() + " columns=" + values.schema().names();
            case Project project -> {
                StringBuilder items = new StringBuilder();
                for (int i = 0; i < project.exprs().size(); i++) {
                    items.append(i == 0 ? "" : ", ").append(project.exprs().get(i)).append(" AS ").append(project.names().get(i));
                }
                yield "Project " + items;
            }
            case Filter filter -> "Filter " + filter.condition();
            case Aggregate aggregate -> "Aggregate keys=" + aggregate.keys() + " aggregates=["
                    + aggregate.aggregates().stream().map(AggregateCall::toString).collect(Collectors.joining(", ")) + "]";
            case Join join -> "Join " + join.type() + " on " + join.condition();
            case Sort sort -> "Sort " + sort.keys();
            case Limit limit -> "Limit " + (limit.hasLimit() ? limit.limit() : "ALL") + (limit.offset() > 0 ? " offset " + limit.offset() : "");
            case UnionAll union -> "UnionAll";
        };
    }
}
