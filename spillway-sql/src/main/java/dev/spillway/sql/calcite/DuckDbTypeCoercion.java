package dev.spillway.sql.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import java.util.List;
import org.apache.calcite.sql.ExplicitOperatorBinding;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit coercions plus DuckDB's {@code date + integer}, {@code date - integer} (days) and
 * {@code date - date} (days between), which Calcite's validator would reject; see {@link TypeDisguise}.
 */
final class DuckDbTypeCoercion extends TypeCoercionImpl {
    DuckDbTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    @Override
    public boolean binaryArithmeticCoercion(SqlCallBinding binding) {
        SqlKind kind = binding.getOperator().getKind();
        if ((kind == SqlKind.PLUS || kind == SqlKind.MINUS) && binding.getOperandCount() == 2) {
            RelDataType left = binding.getOperandType(0);
            RelDataType right = binding.getOperandType(1);
            if (isDate(left) && isInteger(right)) {
                return disguise(binding, 1, TypeDisguise.DAYS_AS_INTERVAL);
            }
            if (kind == SqlKind.PLUS && isInteger(left) && isDate(right)) {
                return disguise(binding, 0, TypeDisguise.DAYS_AS_INTERVAL);
            }
            if (kind == SqlKind.MINUS && isDate(left) && isDate(right)) {
                return disguise(binding, 0, TypeDisguise.DATE_AS_NUMBER) && disguise(binding, 1, TypeDisguise.DATE_AS_NUMBER);
            }
        }
        return super.binaryArithmeticCoercion(binding);
    }

    /** Wraps an operand in a {@link TypeDisguise} (a cast would not do: Calcite cannot cast numbers to intervals). */
    private boolean disguise(SqlCallBinding binding, int index, TypeDisguise disguise) {
        SqlCall call = binding.getCall();
        SqlNode operand = call.operand(index);
        RelDataType operandType = binding.getOperandType(index);
        SqlCall disguised = disguise.createCall(operand.getParserPosition(), operand);
        call.setOperand(index, disguised);
        updateInferredType(disguised, disguise.inferReturnType(new ExplicitOperatorBinding(factory, disguise, List.of(operandType))));
        return true;
    }

    private static boolean isDate(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.DATE;
    }

    private static boolean isInteger(RelDataType type) {
        return SqlTypeUtil.isIntType(type);
    }
}
