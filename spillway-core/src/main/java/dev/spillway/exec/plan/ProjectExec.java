package dev.spillway.exec.plan;

import dev.spillway.expr.Expr;
import dev.spillway.types.Schema;
import java.util.List;

/** Computes output columns from expressions over the input. */
public record ProjectExec(PhysicalPlan input, List<Expr> exprs, Schema schema) implements PhysicalPlan {
    public ProjectExec {
        exprs = List.copyOf(exprs);
    }

    @Override
    public List<PhysicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        StringBuilder text = new StringBuilder("Project ");
        for (int i = 0; i < exprs.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(exprs.get(i)).append(" AS ").append(schema.field(i).name());
        }
        return text.toString();
    }
}
