package dev.spillway.sql.calcite;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * An operand shown to Calcite under another type, so that its validator accepts DuckDB date arithmetic it does
 * not know (see {@link DuckDbTypeCoercion}): {@code date + 3} has the 3 disguised as a day interval,
 * {@code date - date} has both dates disguised as numbers. The translator drops the disguise, and Spillway's
 * binder then types the arithmetic as DuckDB does ({@code date + integer} is a DATE, {@code date - date} a
 * BIGINT number of days).
 */
public final class TypeDisguise extends SqlFunction {
    public static final TypeDisguise DAYS_AS_INTERVAL = new TypeDisguise("$DAYS_AS_INTERVAL", binding -> {
        RelDataType interval = binding.getTypeFactory().createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, null, SqlParserPos.ZERO));
        return nullableLike(binding, interval);
    });
    public static final TypeDisguise DATE_AS_NUMBER = new TypeDisguise("$DATE_AS_NUMBER",
            binding -> nullableLike(binding, binding.getTypeFactory().createSqlType(SqlTypeName.BIGINT)));

    private TypeDisguise(String name, SqlReturnTypeInference type) {
        super(name, SqlKind.OTHER_FUNCTION, type, null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);
    }

    private static RelDataType nullableLike(SqlOperatorBinding binding, RelDataType type) {
        return binding.getTypeFactory().createTypeWithNullability(type, binding.getOperandType(0).isNullable());
    }
}
