package dev.spillway.plan;

import static java.util.Objects.requireNonNull;

import dev.spillway.expr.Expr;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** Computes one output column per expression. */
public record Project(LogicalPlan input, List<Expr> exprs, List<String> names) implements LogicalPlan {
    public Project {
        requireNonNull(input, "input is null");
        exprs = List.copyOf(requireNonNull(exprs, "exprs is null"));
        names = List.copyOf(requireNonNull(names, "names is null"));
        if (exprs.size() != names.size()) {
            throw new IllegalArgumentException(exprs.size() + " expressions but " + names.size() + " names");
        }
    }

    @Override
    public Schema schema() {
        List<Field> fields = new ArrayList<>(exprs.size());
        for (int i = 0; i < exprs.size(); i++) {
            fields.add(Field.of(names.get(i), exprs.get(i).type()));
        }
        return new Schema(fields);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return new Project(inputs.get(0), exprs, names);
    }
}
