package dev.spillway.exec.plan;

import dev.spillway.exec.aggregate.AggregateSpec;
import dev.spillway.types.Schema;
import java.util.Arrays;
import java.util.List;

/** Hash aggregation over input columns: keys, then one output (or state) group of columns per aggregate. */
public record AggregateExec(PhysicalPlan input, int[] keyColumns, List<AggregateSpec> aggregates, Schema schema) implements PhysicalPlan {
    public AggregateExec {
        keyColumns = keyColumns.clone();
        aggregates = List.copyOf(aggregates);
    }

    @Override
    public List<PhysicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return "HashAggregate keys=" + Arrays.toString(keyColumns) + " aggregates=" + aggregates;
    }
}
