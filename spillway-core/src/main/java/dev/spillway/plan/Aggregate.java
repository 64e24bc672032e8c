package dev.spillway.plan;

import static java.util.Objects.requireNonNull;

import dev.spillway.expr.AggregateCall;
import dev.spillway.expr.Expr;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups by the keys and computes the aggregates; output columns are the keys then the aggregates.
 * With no keys it produces exactly one row (also over empty input); with no aggregates it is DISTINCT.
 */
public record Aggregate(LogicalPlan input, List<Expr> keys, List<String> keyNames, List<AggregateCall> aggregates)
        implements LogicalPlan {
    public Aggregate {
        requireNonNull(input, "input is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        keyNames = List.copyOf(requireNonNull(keyNames, "keyNames is null"));
        aggregates = List.copyOf(requireNonNull(aggregates, "aggregates is null"));
        if (keys.size() != keyNames.size()) {
            throw new IllegalArgumentException(keys.size() + " keys but " + keyNames.size() + " names");
        }
    }

    @Override
    public Schema schema() {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            fields.add(Field.of(keyNames.get(i), keys.get(i).type()));
        }
        for (AggregateCall call : aggregates) {
            fields.add(Field.of(call.name(), call.type()));
        }
        return new Schema(fields);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return new Aggregate(inputs.get(0), keys, keyNames, aggregates);
    }
}
