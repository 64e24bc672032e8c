package dev.spillway.plan;

import static java.util.Objects.requireNonNull;

import dev.spillway.types.Schema;
import java.util.List;

/** Orders rows by the keys (expressions over the input). */
public record Sort(LogicalPlan input, List<SortKey> keys) implements LogicalPlan {
    public Sort {
        requireNonNull(input, "input is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
    }

    @Override
    public Schema schema() {
        return input.schema();
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return new Sort(inputs.get(0), keys);
    }
}
