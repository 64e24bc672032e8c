package dev.spillway.sql.calcite;

import static java.util.Objects.requireNonNull;

import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Function;
import dev.spillway.expr.Functions;
import dev.spillway.expr.Literal;
import dev.spillway.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.util.NlsString;
import dev.spillway.types.TypeId;

/**
 * A DuckDB scalar function that Calcite does not have (or types differently), typed by Spillway's own binder
 * {@link Functions}: Calcite's validator sees the same result type, and the same argument errors, as the
 * translated plan will have. {@code year(d)} and friends are calls of a Spillway function with extra leading
 * arguments ({@code extract('year', d)}), given by {@code adapter}.
 */
public final class SpillwayFunction extends SqlFunction {
    private final Function function;
    private final UnaryOperator<List<Expr>> adapter;

    public SpillwayFunction(String name, Function function, UnaryOperator<List<Expr>> adapter) {
        super(name, SqlKind.OTHER_FUNCTION, SpillwayFunction::inferType, null, new TypeChecker(), SqlFunctionCategory.USER_DEFINED_FUNCTION);
        this.function = requireNonNull(function, "function is null");
        this.adapter = requireNonNull(adapter, "adapter is null");
    }

    public SpillwayFunction(String name, Function function) {
        this(name, function, UnaryOperator.identity());
    }

    /** The bound Spillway call over translated arguments. */
    public Expr bind(List<Expr> args) {
        return Functions.call(function, adapter.apply(args));
    }

    private static RelDataType inferType(SqlOperatorBinding binding) {
        SpillwayFunction self = (SpillwayFunction) binding.getOperator();
        DataType type = self.bind(placeholders(binding)).type();
        return TypeConversions.toCalcite(type, true, binding.getTypeFactory());
    }

    /**
     * Stand-ins for the arguments: their types, and the values of string and integer constants. Operands are
     * read from the call directly: SqlCallBinding's own accessors copy the operand list on every use, which
     * makes an IN list of thousands of constants quadratic.
     */
    private static List<Expr> placeholders(SqlOperatorBinding binding) {
        List<SqlNode> sqlOperands = binding instanceof SqlCallBinding call ? call.getCall().getOperandList() : null;
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < binding.getOperandCount(); i++) {
            DataType type = TypeConversions.toSpillway(binding.getOperandType(i));
            Expr constant = constant(binding, sqlOperands, i, type);
            args.add(constant != null ? constant : new ColumnRef(i, "$" + i, type));
        }
        return args;
    }

    /** The value of a string or integer constant operand, which some functions need (a date part's name). */
    private static Expr constant(SqlOperatorBinding binding, List<SqlNode> sqlOperands, int i, DataType type) {
        if (type.id() != TypeId.VARCHAR && type.id() != TypeId.INTEGER) {
            return null;
        }
        if (sqlOperands != null) {
            if (!(sqlOperands.get(i) instanceof SqlLiteral literal) || SqlUtil.isNullLiteral(literal, false)) {
                return null;
            }
            return type.id() == TypeId.VARCHAR
                    ? Literal.of(literal.getValueAs(NlsString.class).getValue())
                    : Literal.of(literal.getValueAs(Integer.class));
        }
        if (!binding.isOperandLiteral(i, false) || binding.isOperandNull(i, false)) {
            return null;
        }
        return type.id() == TypeId.VARCHAR
                ? Literal.of(binding.getOperandLiteralValue(i, String.class))
                : Literal.of(binding.getOperandLiteralValue(i, Integer.class));
    }

    /** Accepts any number of arguments and lets the Spillway binder decide, reporting its message at the call. */
    private static final class TypeChecker implements SqlOperandTypeChecker {
        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            if (!throwOnFailure) {
                // Overload resolution: there is one function of this name, so take it and report problems
                // when the validator checks it (with throwOnFailure), where the message can be precise.
                return true;
            }
            try {
                ((SpillwayFunction) binding.getOperator()).bind(placeholders(binding));
                return true;
            } catch (SpillwayException e) {
                throw new SqlPositionedException(binding.getCall().getParserPosition(), e.getMessage());
            }
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.any();
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return opName + "(...)";
        }
    }
}
