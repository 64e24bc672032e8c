package dev.spillway.expr;

import static java.util.Objects.requireNonNull;

import dev.spillway.types.DataType;
import dev.spillway.types.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A constant. The value is null (SQL NULL) or of the canonical class for the type: Boolean, Integer,
 * Long, Double, BigDecimal (at the type's scale), String, LocalDate, LocalDateTime or Interval.
 */
public record Literal(Object value, DataType type) implements Expr {
    public Literal {
        requireNonNull(type, "type is null");
        if (value != null) {
            Class<?> expected = switch (type.id()) {
                case NULL -> Void.class;
                case BOOLEAN -> Boolean.class;
                case INTEGER -> Integer.class;
                case BIGINT -> Long.class;
                case DOUBLE -> Double.class;
                case DECIMAL -> BigDecimal.class;
                case VARCHAR -> String.class;
                case DATE -> LocalDate.class;
                case TIMESTAMP -> LocalDateTime.class;
                case INTERVAL -> Interval.class;
            };
            if (!expected.isInstance(value)) {
                throw new IllegalArgumentException("literal of type " + type + " holds a " + value.getClass().getSimpleName());
            }
            if (value instanceof BigDecimal decimal && decimal.scale() != type.scale()) {
                throw new IllegalArgumentException("decimal literal " + decimal + " does not have scale " + type.scale());
            }
        }
    }

    public static Literal nullOf(DataType type) {
        return new Literal(null, type);
    }

    public static Literal of(boolean value) {
        return new Literal(value, DataType.BOOLEAN);
    }

    public static Literal of(int value) {
        return new Literal(value, DataType.INTEGER);
    }

    public static Literal of(long value) {
        return new Literal(value, DataType.BIGINT);
    }

    public static Literal of(double value) {
        return new Literal(value, DataType.DOUBLE);
    }

    public static Literal of(String value) {
        return new Literal(value, DataType.VARCHAR);
    }

    public static Literal of(LocalDate value) {
        return new Literal(value, DataType.DATE);
    }

    /** A decimal literal typed as DuckDB types it: precision = digits (at least scale + 1... capped at 38). */
    public static Literal of(BigDecimal value) {
        int scale = Math.max(value.scale(), 0);
        BigDecimal scaled = value.setScale(scale);
        int precision = Math.max(scaled.precision(), scale + 1);
        return new Literal(scaled, DataType.decimal(Math.min(precision, DataType.MAX_DECIMAL_PRECISION), scale));
    }

    public boolean isNull() {
        return value == null;
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    public Expr withChildren(List<Expr> children) {
        return this;
    }

    @Override
    public String toString() {
        if (value == null) {
            return "NULL";
        }
        return switch (type.id()) {
            case VARCHAR -> "'" + value.toString().replace("'", "''") + "'";
            case DATE -> "DATE '" + value + "'";
            case TIMESTAMP -> "TIMESTAMP '" + value.toString().replace('T', ' ') + "'";
            case INTERVAL -> "INTERVAL '" + value + "'";
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            default -> value.toString();
        };
    }
}
