package dev.spillway.sql.translate;

import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.Literal;
import dev.spillway.types.DataType;
import dev.spillway.types.Decimals;
import java.math.BigDecimal;

/** Converts constant values of VALUES rows to their column's common type (an integer in a DECIMAL column, ...). */
final class ValueConversions {
    private ValueConversions() {}

    static Object convert(Literal literal, DataType target) {
        Object value = literal.value();
        if (value == null || literal.type().equals(target)) {
            return value;
        }
        return switch (target.id()) {
            case BIGINT -> value instanceof Integer integer ? Long.valueOf(integer) : fail(literal, target);
            case DOUBLE -> value instanceof Number number ? Double.valueOf(number.doubleValue()) : fail(literal, target);
            case DECIMAL -> switch (value) {
                case Integer integer -> Decimals.rescale(BigDecimal.valueOf(integer), target);
                case Long integer -> Decimals.rescale(BigDecimal.valueOf(integer), target);
                case BigDecimal decimal -> Decimals.rescale(decimal, target);
                default -> fail(literal, target);
            };
            case VARCHAR -> value.toString();
            case TIMESTAMP -> value instanceof java.time.LocalDate date ? date.atStartOfDay() : fail(literal, target);
            default -> fail(literal, target);
        };
    }

    private static Object fail(Literal literal, DataType target) {
        throw SpillwayException.userError("VALUES mixes %s with %s in one column", literal.type(), target);
    }
}
