package dev.spillway.sql.translate;

import dev.spillway.expr.Literal;
import dev.spillway.expr.TypeCoercion;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Values;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rel.logical.LogicalValues;

/** VALUES rows: each column has DuckDB's common type of its constants, and every value is converted to it. */
final class ValuesTranslator {
    private ValuesTranslator() {}

    static LogicalPlan translate(LogicalValues values) {
        List<String> names = values.getRowType().getFieldNames();
        int columns = names.size();
        List<List<Literal>> literals = new ArrayList<>();
        DataType[] types = new DataType[columns];
        Arrays.fill(types, DataType.NULL);
        for (List<RexLiteral> tuple : values.getTuples()) {
            List<Literal> row = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                Literal literal = LiteralTranslator.translate(tuple.get(i));
                types[i] = TypeCoercion.unionType(types[i], literal.type());
                row.add(literal);
            }
            literals.add(row);
        }
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            // DuckDB names unnamed VALUES columns col0, col1, ...; a column of NULLs keeps DuckDB's NULL type.
            String name = names.get(i).matches("EXPR\\$\\d+") ? "col" + i : names.get(i);
            fields.add(Field.of(name, types[i]));
        }
        Schema schema = new Schema(fields);
        List<List<Object>> rows = new ArrayList<>();
        for (List<Literal> row : literals) {
            List<Object> converted = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                converted.add(ValueConversions.convert(row.get(i), schema.type(i)));
            }
            rows.add(converted);
        }
        return new Values(schema, rows);
    }
}
