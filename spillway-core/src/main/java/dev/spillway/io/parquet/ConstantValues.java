package dev.spillway.io.parquet;

import dev.spillway.data.Values;
import dev.spillway.expr.Cast;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Literal;
import dev.spillway.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * Evaluates constant expressions (literals under casts) into the value domain of {@link ColumnBounds},
 * for the casts whose result is certain; anything else is {@link #UNKNOWN}, which makes row-group skipping
 * keep the row group. Also converts statistics bounds through order-preserving casts.
 */
final class ConstantValues {
    /** The constant is SQL NULL. */
    static final Object NULL = new Object();
    /** The constant cannot be evaluated here. */
    static final Object UNKNOWN = new Object();

    private static final BigInteger MAX_EXACT_DOUBLE = BigInteger.ONE.shiftLeft(53);

    private ConstantValues() {}

    /** The constant's value as a {@code target} value, {@link #NULL} or {@link #UNKNOWN}. */
    static Object evaluate(Expr constant, DataType target) {
        Object value = convert(fold(constant), constant.type(), target);
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return value;
    }

    private static Object fold(Expr expr) {
        return switch (expr) {
            case Literal literal -> literalValue(literal);
            case Cast cast -> convert(fold(cast.input()), cast.input().type(), cast.type());
            default -> UNKNOWN;
        };
    }

    private static Object literalValue(Literal literal) {
        return switch (literal.value()) {
            case null -> NULL;
            case Integer i -> (long) i;
            case Long l -> l;
            case BigDecimal d -> d;
            case Double d -> d;
            case Boolean b -> b;
            case String s -> s;
            case LocalDate date -> date.toEpochDay();
            case LocalDateTime timestamp -> Values.toEpochMicros(timestamp);
            default -> UNKNOWN;
        };
    }

    /** Converts a value of {@code source}'s domain to {@code target}'s, as a cast would. */
    static Object convert(Object value, DataType source, DataType target) {
        if (value == NULL || value == UNKNOWN) {
            return value;
        }
        if (source.equals(target)) {
            return value;
        }
        try {
            return switch (source.id()) {
                case INTEGER, BIGINT -> fromLong((Long) value, target);
                case DECIMAL -> fromDecimal((BigDecimal) value, target);
                case DATE -> target.id() == dev.spillway.types.TypeId.TIMESTAMP
                        ? Math.multiplyExact((Long) value, PhysicalValues.MICROS_PER_DAY) : UNKNOWN;
                case VARCHAR -> value instanceof String text ? fromString(text.trim(), target) : UNKNOWN;
                default -> UNKNOWN;
            };
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            // The cast would fail (or we cannot tell how it behaves): never decide anything from it.
            return UNKNOWN;
        }
    }

    private static Object fromLong(long value, DataType target) {
        return switch (target.id()) {
            case BIGINT -> value;
            case INTEGER -> value == (int) value ? value : UNKNOWN;
            case DECIMAL -> fitDecimal(BigDecimal.valueOf(value), target);
            case DOUBLE -> (double) value;
            default -> UNKNOWN;
        };
    }

    private static Object fromDecimal(BigDecimal value, DataType target) {
        return switch (target.id()) {
            case DECIMAL -> fitDecimal(value, target);
            case INTEGER, BIGINT -> fromLong(value.setScale(0, RoundingMode.HALF_UP).longValueExact(), target);
            // Exact when the unscaled value is exactly representable (then any correctly rounded division agrees).
            case DOUBLE -> value.unscaledValue().abs().compareTo(MAX_EXACT_DOUBLE) <= 0 ? value.doubleValue() : UNKNOWN;
            default -> UNKNOWN;
        };
    }

    private static Object fitDecimal(BigDecimal value, DataType target) {
        BigDecimal scaled = value.setScale(target.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > target.precision() - target.scale() && scaled.signum() != 0) {
            return UNKNOWN;
        }
        return scaled;
    }

    private static Object fromString(String text, DataType target) {
        return switch (target.id()) {
            case DATE -> LocalDate.parse(text).toEpochDay();
            case TIMESTAMP -> {
                String iso = text.replace(' ', 'T');
                LocalDateTime timestamp = iso.contains("T") ? LocalDateTime.parse(iso) : LocalDate.parse(iso).atStartOfDay();
                yield timestamp.getNano() % 1000 != 0 ? UNKNOWN : Values.toEpochMicros(timestamp);
            }
            case INTEGER, BIGINT -> fromLong(Long.parseLong(text), target);
            case DECIMAL -> fitDecimal(new BigDecimal(text), target);
            default -> UNKNOWN;
        };
    }
}
