package dev.spillway.sql.calcite;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql2rel.SqlRexContext;

/**
 * Marks the casts Calcite's type coercion inserted, as opposed to the casts the user wrote.
 *
 * <p>Calcite coerces operands by its own rules (a CASE branch to the branches' common type, an operand of
 * {@code =} to the other's type, ...), which sometimes differ from DuckDB's. The translator re-derives every
 * type with DuckDB's rules, so it must drop these casts and keep only explicit ones. A cast the validator's
 * coercion inserted is recognisable while still SQL: its type was generated, so it has no position in the
 * text. Casts made later by Calcite's conversion come from {@link CoercionMarkingRexBuilder}. Both become
 * calls of this operator, which carries Calcite's type through Calcite's own code and which the translator
 * unwraps.
 */
public final class ImplicitCast extends SqlFunction {
    public static final ImplicitCast OPERATOR = new ImplicitCast();

    private ImplicitCast() {
        super("$IMPLICIT_CAST", SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);
    }

    /** True for a CAST the validator's type coercion created. */
    static boolean isImplicit(SqlCall cast) {
        return cast.getKind() == SqlKind.CAST
                && cast.operandCount() == 2
                && cast.operand(1) instanceof SqlDataTypeSpec spec
                && spec.getParserPosition().equals(SqlParserPos.ZERO);
    }

    static RexNode convertImplicit(SqlRexContext context, SqlCall cast) {
        RexNode operand = context.convertExpression(cast.operand(0));
        RelDataType type = context.getValidator().getValidatedNodeType(cast);
        return context.getRexBuilder().makeCall(cast.getParserPosition(), type, OPERATOR, List.of(operand));
    }

    /** A cast the user wrote: converted by Spillway rather than Calcite so that it stays a real CAST. */
    static RexNode convertExplicit(SqlRexContext context, SqlCall cast) {
        RexNode operand = context.convertExpression(cast.operand(0));
        RelDataType type = context.getValidator().getValidatedNodeType(cast);
        return ((CoercionMarkingRexBuilder) context.getRexBuilder()).makeExplicitCast(cast.getParserPosition(), type, operand);
    }
}
