package dev.spillway.sql;

import dev.spillway.expr.AggregateCall;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.plan.Aggregate;
import dev.spillway.plan.Filter;
import dev.spillway.plan.Limit;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Project;
import dev.spillway.plan.Sort;
import dev.spillway.plan.UnionAll;
import dev.spillway.plan.Values;
import dev.spillway.sql.translate.Projections;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** Gives a plan's output columns new names, renaming the node that names them rather than adding a Project when it can. */
final class PlanRenamer {
    private PlanRenamer() {}

    static LogicalPlan rename(LogicalPlan plan, List<String> names) {
        if (plan.schema().names().equals(names)) {
            return plan;
        }
        return switch (plan) {
            case Project project -> Projections.project(project.input(), project.exprs(), names);
            case Aggregate aggregate -> renameAggregate(aggregate, names);
            case Sort sort -> new Sort(rename(sort.input(), names), sort.keys());
            case Limit limit -> new Limit(rename(limit.input(), names), limit.offset(), limit.limit());
            case Filter filter -> new Filter(rename(filter.input(), names), filter.condition());
            case UnionAll union -> new UnionAll(union.inputs(), renamed(union.schema(), names));
            case Values values -> new Values(renamed(values.schema(), names), values.rows());
            default -> Projections.project(plan, columns(plan.schema()), names);
        };
    }

    private static LogicalPlan renameAggregate(Aggregate aggregate, List<String> names) {
        int keys = aggregate.keys().size();
        List<AggregateCall> calls = new ArrayList<>();
        for (int i = 0; i < aggregate.aggregates().size(); i++) {
            AggregateCall call = aggregate.aggregates().get(i);
            calls.add(new AggregateCall(call.function(), call.args(), call.distinct(), call.type(), names.get(keys + i)));
        }
        return new Aggregate(aggregate.input(), aggregate.keys(), names.subList(0, keys), calls);
    }

    private static Schema renamed(Schema schema, List<String> names) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            fields.add(schema.field(i).withName(names.get(i)));
        }
        return new Schema(fields);
    }

    private static List<Expr> columns(Schema schema) {
        List<Expr> columns = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            columns.add(new ColumnRef(i, schema.field(i).name(), schema.type(i)));
        }
        return columns;
    }
}
