package dev.spillway.sql.testing;

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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a logical plan as an indented tree, one node per line, for assertions in tests. Column references
 * print as {@code name#index}; projections and aggregates show output names.
 */
public final class PlanPrinter {
    private PlanPrinter() {}

    public static String print(LogicalPlan plan) {
        StringBuilder out = new StringBuilder();
        print(plan, 0, out);
        return out.toString();
    }

    /** Only the node kinds, indented: the shape of the plan. */
    public static String shape(LogicalPlan plan) {
        StringBuilder out = new StringBuilder();
        shape(plan, 0, out);
        return out.toString();
    }

    private static void shape(LogicalPlan plan, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(plan.getClass().getSimpleName());
        if (plan instanceof Join join) {
            out.append(' ').append(join.type());
        } else if (plan instanceof Scan scan) {
            out.append(' ').append(scan.source().describe());
        }
        out.append('\n');
        for (LogicalPlan input : plan.inputs()) {
            shape(input, depth + 1, out);
        }
    }

    private static void print(LogicalPlan plan, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(describe(plan)).append('\n');
        for (LogicalPlan input : plan.inputs()) {
            print(input, depth + 1, out);
        }
    }

    static String describe(LogicalPlan plan) {
        return switch (plan) {
            case Scan scan -> "Scan " + scan.source().describe()
                    + (scan.projection().size() == scan.source().schema().size() ? "" : " columns=" + scan.projection());
            case Values values -> "Values " + values.schema() + " rows=" + values.rows();
            case Project project -> "Project " + named(project.exprs(), project.names());
            case Filter filter -> "Filter " + filter.condition();
            case Aggregate aggregate -> "Aggregate keys=" + named(aggregate.keys(), aggregate.keyNames()) + " aggregates=["
                    + aggregate.aggregates().stream().map(PlanPrinter::aggregate).collect(Collectors.joining(", ")) + "]";
            case Join join -> "Join " + join.type() + " " + join.condition();
            case Sort sort -> "Sort " + sort.keys();
            case Limit limit -> "Limit offset=" + limit.offset() + " limit=" + limit.limit();
            case UnionAll union -> "UnionAll " + union.schema();
        };
    }

    private static String aggregate(AggregateCall call) {
        return call + " AS " + call.name();
    }

    private static String named(List<Expr> exprs, List<String> names) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            String text = exprs.get(i).toString();
            items.add(text.equals(names.get(i) + "#" + text.substring(text.lastIndexOf('#') + 1)) ? text : text + " AS " + names.get(i));
        }
        return "[" + String.join(", ", items) + "]";
    }
}
