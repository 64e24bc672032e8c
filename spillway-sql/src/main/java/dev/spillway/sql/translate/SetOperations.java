package dev.spillway.sql.translate;

import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.expr.Function;
import dev.spillway.expr.Functions;
import dev.spillway.expr.TypeCoercion;
import dev.spillway.plan.Aggregate;
import dev.spillway.plan.Join;
import dev.spillway.plan.JoinType;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.UnionAll;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import dev.spillway.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.logical.LogicalUnion;

/**
 * UNION [ALL], INTERSECT and EXCEPT over translated inputs. Column types are DuckDB's common types of the
 * inputs' columns (casts are added where an input differs); names are the first input's.
 */
final class SetOperations {
    private SetOperations() {}

    static LogicalPlan union(LogicalUnion union, List<LogicalPlan> inputs) {
        Schema schema = unionSchema(union, inputs);
        List<LogicalPlan> cast = new ArrayList<>();
        for (LogicalPlan input : inputs) {
            cast.add(castTo(input, schema));
        }
        LogicalPlan all = new UnionAll(cast, schema);
        return union.all ? all : distinct(all);
    }

    /** INTERSECT and EXCEPT (without ALL): the distinct left rows that do (not) match a right row. */
    static LogicalPlan intersectOrExcept(SetOp setOp, JoinType type, List<LogicalPlan> inputs) {
        if (setOp.all) {
            throw SpillwayException.userError("INTERSECT ALL and EXCEPT ALL are not supported");
        }
        Schema schema = unionSchema(setOp, inputs);
        LogicalPlan result = distinct(castTo(inputs.get(0), schema));
        for (LogicalPlan input : inputs.subList(1, inputs.size())) {
            LogicalPlan right = castTo(input, schema);
            List<Expr> matches = new ArrayList<>();
            List<Expr> leftColumns = RexScope.columns(schema, 0);
            List<Expr> rightColumns = RexScope.columns(schema, schema.size());
            for (int i = 0; i < schema.size(); i++) {
                matches.add(Functions.call(Function.IS_NOT_DISTINCT_FROM, leftColumns.get(i), rightColumns.get(i)));
            }
            result = new Join(result, right, type, Exprs.and(matches));
        }
        return result;
    }


    /** Column types of a set operation: DuckDB's common type of each column; names from the first input. */
    private static Schema unionSchema(SetOp setOp, List<LogicalPlan> inputs) {
        List<String> names = setOp.getRowType().getFieldNames();
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            DataType type = DataType.NULL;
            for (LogicalPlan input : inputs) {
                type = TypeCoercion.unionType(type, input.schema().type(i));
            }
            fields.add(Field.of(inputs.get(0).schema().field(i).name(), type.id() == TypeId.NULL ? DataType.INTEGER : type));
        }
        return new Schema(fields);
    }

    private static LogicalPlan castTo(LogicalPlan input, Schema schema) {
        if (input.schema().types().equals(schema.types())) {
            return input;
        }
        List<Expr> exprs = new ArrayList<>();
        List<Expr> columns = RexScope.columns(input.schema(), 0);
        for (int i = 0; i < schema.size(); i++) {
            exprs.add(Functions.cast(columns.get(i), schema.type(i)));
        }
        return Projections.project(input, exprs, input.schema().names());
    }

    private static LogicalPlan distinct(LogicalPlan input) {
        List<Expr> keys = RexScope.columns(input.schema(), 0);
        return new Aggregate(input, keys, input.schema().names(), List.of());
    }
}
