package dev.spillway.expr;

import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import dev.spillway.types.TypeId;

/**
 * Common types for operands, following DuckDB: integers widen to BIGINT, then to DECIMAL (INTEGER as
 * DECIMAL(10,0), BIGINT as DECIMAL(19,0)), then to DOUBLE; DATE widens to TIMESTAMP; in comparisons a
 * VARCHAR operand is cast to the other side's type.
 */
public final class TypeCoercion {
    private TypeCoercion() {}

    /** The type both operands of a comparison (or IN list) are cast to, or an error. */
    public static DataType comparisonType(DataType left, DataType right) {
        if (left.equals(right)) {
            return left;
        }
        if (left.id() == TypeId.NULL) {
            return right;
        }
        if (right.id() == TypeId.NULL) {
            return left;
        }
        if (left.id() == TypeId.VARCHAR) {
            return right;
        }
        if (right.id() == TypeId.VARCHAR) {
            return left;
        }
        DataType common = commonTypeOrNull(left, right);
        if (common == null) {
            throw SpillwayException.userError("cannot compare values of type %s and %s", left, right);
        }
        return common;
    }

    /** The type of CASE branches, UNION columns and COALESCE arguments, or an error. */
    public static DataType unionType(DataType left, DataType right) {
        if (left.equals(right)) {
            return left;
        }
        if (left.id() == TypeId.NULL) {
            return right;
        }
        if (right.id() == TypeId.NULL) {
            return left;
        }
        if (left.id() == TypeId.VARCHAR || right.id() == TypeId.VARCHAR) {
            return DataType.VARCHAR;
        }
        DataType common = commonTypeOrNull(left, right);
        if (common == null) {
            throw SpillwayException.userError("values of type %s and %s have no common type", left, right);
        }
        return common;
    }

    /** The common numeric or temporal type, or null if there is none. */
    public static DataType commonTypeOrNull(DataType left, DataType right) {
        if (left.equals(right)) {
            return left;
        }
        if (left.isTemporal() && right.isTemporal()) {
            return DataType.TIMESTAMP;
        }
        if (!left.isNumeric() || !right.isNumeric()) {
            if (left.id() == TypeId.BOOLEAN && right.isNumeric() || right.id() == TypeId.BOOLEAN && left.isNumeric()) {
                return null;
            }
            return null;
        }
        if (left.id() == TypeId.DOUBLE || right.id() == TypeId.DOUBLE) {
            return DataType.DOUBLE;
        }
        if (left.isDecimal() || right.isDecimal()) {
            DataType a = asDecimal(left);
            DataType b = asDecimal(right);
            int scale = Math.max(a.scale(), b.scale());
            int integerDigits = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
            if (integerDigits + scale > DataType.MAX_DECIMAL_PRECISION) {
                return DataType.DOUBLE;
            }
            return DataType.decimal(integerDigits + scale, scale);
        }
        return DataType.BIGINT;
    }

    /** Integers as the decimal that holds all their values; decimals unchanged. */
    public static DataType asDecimal(DataType type) {
        return switch (type.id()) {
            case INTEGER -> DataType.decimal(10, 0);
            case BIGINT -> DataType.decimal(19, 0);
            case DECIMAL -> type;
            default -> throw new IllegalArgumentException(type + " is not an exact number");
        };
    }

    /** True if a value of {@code from} can be cast to {@code to} (the cast may still fail on a given value). */
    public static boolean canCast(DataType from, DataType to) {
        if (from.equals(to) || from.id() == TypeId.NULL || to.id() == TypeId.VARCHAR || from.id() == TypeId.VARCHAR) {
            return to.id() != TypeId.NULL;
        }
        return switch (from.id()) {
            case BOOLEAN -> to.isNumeric();
            case INTEGER, BIGINT, DOUBLE, DECIMAL -> to.isNumeric() || to.id() == TypeId.BOOLEAN;
            case DATE, TIMESTAMP -> to.isTemporal();
            default -> false;
        };
    }
}
