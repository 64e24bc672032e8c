package dev.spillway.plan;

import static java.util.Objects.requireNonNull;

import dev.spillway.types.Schema;
import java.util.List;

/** All rows of all inputs; inputs have the same column types (the front end inserts casts). */
public record UnionAll(List<LogicalPlan> inputs, Schema schema) implements LogicalPlan {
    public UnionAll {
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        requireNonNull(schema, "schema is null");
        for (LogicalPlan input : inputs) {
            if (!input.schema().types().equals(schema.types())) {
                throw new IllegalArgumentException("UNION ALL input types " + input.schema().types() + " differ from " + schema.types());
            }
        }
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> newInputs) {
        return new UnionAll(newInputs, schema);
    }
}
