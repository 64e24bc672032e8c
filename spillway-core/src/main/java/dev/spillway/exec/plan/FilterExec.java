package dev.spillway.exec.plan;

import dev.spillway.expr.Expr;
import dev.spillway.types.Schema;
import java.util.List;

/** Keeps rows where the predicate is TRUE. */
public record FilterExec(PhysicalPlan input, Expr predicate) implements PhysicalPlan {
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
        return "Filter " + predicate;
    }
}
