package dev.spillway.exec.plan;

import dev.spillway.types.Schema;
import java.util.List;

/** OFFSET/LIMIT without ORDER BY (limit -1: none). */
public record LimitExec(PhysicalPlan input, long offset, long limit) implements PhysicalPlan {
    @Override
    public Schema schema() {
        return input.schema();
    }

    @Override
    public List<PhysicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return "Limit " + (limit >= 0 ? limit : "ALL") + (offset > 0 ? " offset=" + offset : "");
    }
}
