package dev.spillway.api;

import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.AggregateCall;
import dev.spillway.expr.Expr;
import dev.spillway.plan.Aggregate;
import dev.spillway.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/** {@code df.groupBy(keys).agg(aggregates)}: output columns are the keys, then the aggregates. */
public final class GroupedDataFrame {
    private final DataFrame input;
    private final List<Column> keys;

    GroupedDataFrame(DataFrame input, List<Column> keys) {
        this.input = input;
        this.keys = List.copyOf(keys);
    }

    public DataFrame agg(Column... aggregates) {
        return new DataFrame(input.session(), aggregate(input.logicalPlan(), keys, List.of(aggregates)));
    }

    static LogicalPlan aggregate(LogicalPlan plan, List<Column> keys, List<Column> aggregates) {
        var schema = plan.schema();
        List<Expr> keyExprs = new ArrayList<>();
        List<String> keyNames = new ArrayList<>();
        for (Column key : keys) {
            keyExprs.add(key.bind(schema));
            keyNames.add(key.name());
        }
        List<AggregateCall> calls = new ArrayList<>();
        for (Column aggregate : aggregates) {
            if (!aggregate.isAggregate()) {
                throw SpillwayException.userError("%s is not an aggregate; use sum(), count(), ... in agg()", aggregate.name());
            }
            List<Expr> args = aggregate.aggregateArgs().stream().map(arg -> arg.bind(schema)).toList();
            calls.add(AggregateCall.of(aggregate.aggregateFunction(), args, aggregate.isDistinct(), aggregate.name()));
        }
        return new Aggregate(plan, keyExprs, keyNames, calls);
    }
}
