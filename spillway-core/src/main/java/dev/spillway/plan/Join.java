package dev.spillway.plan;

import static java.util.Objects.requireNonNull;

import dev.spillway.expr.Expr;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins two inputs on a condition over the concatenated columns (left's, then right's). A TRUE
 * condition with INNER is a cross join. Outer joins make the other side's columns nullable.
 */
public record Join(LogicalPlan left, LogicalPlan right, JoinType type, Expr condition) implements LogicalPlan {
    public Join {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(type, "type is null");
        requireNonNull(condition, "condition is null");
    }

    @Override
    public Schema schema() {
        if (!type.outputsRight()) {
            return left.schema();
        }
        List<Field> fields = new ArrayList<>();
        for (Field field : left.schema().fields()) {
            fields.add(type == JoinType.RIGHT || type == JoinType.FULL ? new Field(field.name(), field.type(), true) : field);
        }
        for (Field field : right.schema().fields()) {
            fields.add(type == JoinType.LEFT || type == JoinType.FULL ? new Field(field.name(), field.type(), true) : field);
        }
        return new Schema(fields);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return new Join(inputs.get(0), inputs.get(1), type, condition);
    }
}
