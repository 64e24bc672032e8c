package dev.spillway.types;

import static java.util.Objects.requireNonNull;

import dev.spillway.errors.SpillwayException;

/**
 * A logical type. Precision and scale are meaningful for DECIMAL only.
 *
 * <p>Physical layout in Arrow: BOOLEAN bit, INTEGER and DATE 32-bit, BIGINT and TIMESTAMP (microseconds)
 * 64-bit, DOUBLE 64-bit float, VARCHAR UTF-8 with 32-bit offsets, DECIMAL with precision up to 18 an
 * unscaled 64-bit integer (as DuckDB does: most decimals fit, and 64-bit arithmetic is much faster), and
 * above 18 an Arrow 128-bit decimal.
 */
public record DataType(TypeId id, int precision, int scale) {
    public static final int MAX_DECIMAL_PRECISION = 38;
    /** Widest decimal stored in a 64-bit long. */
    public static final int MAX_LONG_DECIMAL_PRECISION = 18;

    public static final DataType NULL = new DataType(TypeId.NULL, 0, 0);
    public static final DataType BOOLEAN = new DataType(TypeId.BOOLEAN, 0, 0);
    public static final DataType INTEGER = new DataType(TypeId.INTEGER, 0, 0);
    public static final DataType BIGINT = new DataType(TypeId.BIGINT, 0, 0);
    public static final DataType DOUBLE = new DataType(TypeId.DOUBLE, 0, 0);
    public static final DataType VARCHAR = new DataType(TypeId.VARCHAR, 0, 0);
    public static final DataType DATE = new DataType(TypeId.DATE, 0, 0);
    public static final DataType TIMESTAMP = new DataType(TypeId.TIMESTAMP, 0, 0);
    public static final DataType INTERVAL = new DataType(TypeId.INTERVAL, 0, 0);

    public DataType {
        requireNonNull(id, "id is null");
        if (id == TypeId.DECIMAL) {
            if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
                throw SpillwayException.userError("DECIMAL precision must be between 1 and 38, got %d", precision);
            }
            if (scale < 0 || scale > precision) {
                throw SpillwayException.userError("DECIMAL scale must be between 0 and the precision (%d), got %d", precision, scale);
            }
        } else if (precision != 0 || scale != 0) {
            throw new IllegalArgumentException("only DECIMAL has precision and scale");
        }
    }

    public static DataType decimal(int precision, int scale) {
        return new DataType(TypeId.DECIMAL, precision, scale);
    }

    public boolean isDecimal() {
        return id == TypeId.DECIMAL;
    }

    /** True for a DECIMAL stored as a 64-bit unscaled long. */
    public boolean isLongDecimal() {
        return id == TypeId.DECIMAL && precision <= MAX_LONG_DECIMAL_PRECISION;
    }

    /** True for a DECIMAL stored as a 128-bit Arrow decimal. */
    public boolean isWideDecimal() {
        return id == TypeId.DECIMAL && precision > MAX_LONG_DECIMAL_PRECISION;
    }

    public boolean isNumeric() {
        return switch (id) {
            case INTEGER, BIGINT, DOUBLE, DECIMAL -> true;
            case NULL, BOOLEAN, VARCHAR, DATE, TIMESTAMP, INTERVAL -> false;
        };
    }

    public boolean isIntegral() {
        return id == TypeId.INTEGER || id == TypeId.BIGINT;
    }

    public boolean isTemporal() {
        return id == TypeId.DATE || id == TypeId.TIMESTAMP;
    }

    /** Bytes per value of the fixed-width part, or -1 for VARCHAR. */
    public int fixedWidth() {
        return switch (id) {
            case NULL, BOOLEAN -> 1;
            case INTEGER, DATE -> 4;
            case BIGINT, DOUBLE, TIMESTAMP -> 8;
            case DECIMAL -> isLongDecimal() ? 8 : 16;
            case INTERVAL -> 16;
            case VARCHAR -> -1;
        };
    }

    /** SQL spelling, e.g. {@code DECIMAL(15,2)}. */
    @Override
    public String toString() {
        return id == TypeId.DECIMAL ? "DECIMAL(" + precision + "," + scale + ")" : id.name();
    }
}
