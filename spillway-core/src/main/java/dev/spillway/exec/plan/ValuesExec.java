package dev.spillway.exec.plan;

import dev.spillway.types.Schema;
import java.util.List;

/** Constant rows. */
public record ValuesExec(Schema schema, List<List<Object>> rows) implements PhysicalPlan {
    @Override
    public List<PhysicalPlan> inputs() {
        return List.of();
    }

    @Override
    public String describe() {
        return "Values rows=" + rows.size();
    }
}
