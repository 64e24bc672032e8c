package dev.spillway.exec.plan;

import dev.spillway.exec.sort.SortSpec;
import dev.spillway.types.Schema;
import java.util.List;

/** ORDER BY; with a limit (not -1) a top-N keeping rows [offset, offset + limit). */
public record SortExec(PhysicalPlan input, List<SortSpec> keys, long offset, long limit) implements PhysicalPlan {
    public SortExec {
        keys = List.copyOf(keys);
    }

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
        return (limit >= 0 ? "TopN limit=" + limit + (offset > 0 ? " offset=" + offset : "") + " keys=" : "Sort keys=") + keys;
    }
}
