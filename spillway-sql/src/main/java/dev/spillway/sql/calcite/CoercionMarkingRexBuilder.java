package dev.spillway.sql.calcite;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A RexBuilder whose casts, unless the user wrote them, are {@link ImplicitCast} markers.
 *
 * <p>Besides the validator's coercions, Calcite's SQL-to-Rex conversion casts on its own: CASE branches to the
 * CASE type, operands of comparisons to their least restrictive type, NULLs to a type. Casting a constant even
 * folds it ({@code 0} in a DECIMAL(31,4) CASE becomes the literal {@code 0.0000}), which would leave the
 * translator no way to recover DuckDB's type. Marking every such cast lets the translator drop them all and
 * re-derive types with DuckDB's rules; user-written casts go through {@link #makeExplicitCast}.
 */
final class CoercionMarkingRexBuilder extends RexBuilder {
    private boolean explicit;

    CoercionMarkingRexBuilder(RelDataTypeFactory typeFactory) {
        super(typeFactory);
    }

    /** A cast the user wrote: a real CAST (or a folded literal). */
    RexNode makeExplicitCast(SqlParserPos pos, RelDataType type, RexNode operand) {
        boolean outer = explicit;
        explicit = true;
        try {
            return super.makeCast(pos, type, operand, false, false, constantNull());
        } finally {
            explicit = outer;
        }
    }

    @Override
    public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability, boolean safe, RexLiteral format) {
        if (explicit || safe || !format.isNull() || isNullLiteral(exp)) {
            // A typed NULL loses nothing DuckDB's typing needs, and Calcite relies on it being a literal.
            return super.makeCast(pos, type, exp, matchNullability, safe, format);
        }
        return marker(pos, matchNullability ? matchNullability(type, exp) : type, exp);
    }

    @Override
    public RexNode makeAbstractCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean safe) {
        return explicit || safe ? super.makeAbstractCast(pos, type, exp, safe) : marker(pos, type, exp);
    }

    @Override
    public RexNode makeAbstractCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean safe, RexLiteral format) {
        return explicit || safe || !format.isNull() ? super.makeAbstractCast(pos, type, exp, safe, format) : marker(pos, type, exp);
    }

    private static boolean isNullLiteral(RexNode exp) {
        return exp instanceof RexLiteral literal && literal.isNull();
    }

    private RexNode marker(SqlParserPos pos, RelDataType type, RexNode exp) {
        if (exp.getType().equals(type)) {
            return exp;
        }
        return makeCall(pos, type, ImplicitCast.OPERATOR, List.of(exp));
    }
}
