package dev.spillway.plan;

import static java.util.Objects.requireNonNull;

import dev.spillway.types.Schema;
import java.util.List;

/** Skips {@code offset} rows, then keeps at most {@code limit} rows ({@link #NO_LIMIT} keeps all). */
public record Limit(LogicalPlan input, long offset, long limit) implements LogicalPlan {
    public static final long NO_LIMIT = -1;

    public Limit {
        requireNonNull(input, "input is null");
        if (offset < 0) {
            throw dev.spillway.errors.SpillwayException.userError("OFFSET must not be negative, got %d", offset);
        }
        if (limit < NO_LIMIT) {
            throw dev.spillway.errors.SpillwayException.userError("LIMIT must not be negative, got %d", limit);
        }
    }

    public boolean hasLimit() {
        return limit != NO_LIMIT;
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
        return new Limit(inputs.get(0), offset, limit);
    }
}
