package dev.spillway.exec.plan;

import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** Projections the physical planner inserts around operators. */
final class Projections {
    private Projections() {}

    /** All input columns, then the given expressions as extra columns. */
    static PhysicalPlan appendColumns(PhysicalPlan input, List<Expr> extra) {
        List<Expr> exprs = new ArrayList<>(identity(input.schema()));
        List<Field> fields = new ArrayList<>(input.schema().fields());
        for (Expr expr : extra) {
            exprs.add(expr);
            fields.add(Field.of("key" + fields.size(), expr.type()));
        }
        return new ProjectExec(input, exprs, new Schema(fields));
    }

    /** The first {@code count} columns. */
    static PhysicalPlan keepFirst(PhysicalPlan input, int count) {
        if (count == input.schema().size()) {
            return input;
        }
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            columns.add(i);
        }
        return select(input, columns, null);
    }

    /** The listed columns in order, optionally renamed to {@code schema}'s names. */
    static PhysicalPlan select(PhysicalPlan input, List<Integer> columns, Schema schema) {
        List<Expr> exprs = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            int column = columns.get(i);
            Field field = input.schema().field(column);
            exprs.add(new ColumnRef(column, field.name(), field.type()));
            fields.add(schema == null ? field : schema.field(i));
        }
        return new ProjectExec(input, exprs, new Schema(fields));
    }

    static List<Expr> identity(Schema schema) {
        List<Expr> exprs = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            exprs.add(new ColumnRef(i, schema.field(i).name(), schema.type(i)));
        }
        return exprs;
    }
}
