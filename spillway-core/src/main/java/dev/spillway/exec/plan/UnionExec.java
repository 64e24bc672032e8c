package dev.spillway.exec.plan;

import dev.spillway.types.Schema;
import java.util.List;

/** UNION ALL: its inputs become extra branches of the consuming pipeline, no buffering. */
public record UnionExec(List<PhysicalPlan> inputs, Schema schema) implements PhysicalPlan {
    public UnionExec {
        inputs = List.copyOf(inputs);
    }

    @Override
    public String describe() {
        return "UnionAll inputs=" + inputs.size();
    }
}
