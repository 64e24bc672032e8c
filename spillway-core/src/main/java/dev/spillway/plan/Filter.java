package dev.spillway.plan;

import static java.util.Objects.requireNonNull;

import dev.spillway.expr.Expr;
import dev.spillway.types.Schema;
import dev.spillway.types.TypeId;
import java.util.List;

/** Keeps the rows for which the condition is TRUE (not FALSE, not NULL). */
public record Filter(LogicalPlan input, Expr condition) implements LogicalPlan {
    public Filter {
        requireNonNull(input, "input is null");
        requireNonNull(condition, "condition is null");
        if (condition.type().id() != TypeId.BOOLEAN) {
            throw dev.spillway.errors.SpillwayException.userError("a filter condition must be BOOLEAN, got %s of type %s", condition, condition.type());
        }
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
        return new Filter(inputs.get(0), condition);
    }
}
