package dev.spillway.io.parquet;

import dev.spillway.types.DataType;
import dev.spillway.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;

/**
 * What a column chunk's statistics say about its values, in Spillway's value domain for {@code type}:
 * BOOLEAN Boolean; INTEGER, BIGINT, DATE (days) and TIMESTAMP (microseconds) Long; DECIMAL BigDecimal;
 * DOUBLE Double; VARCHAR byte[] (UTF-8, compared as unsigned bytes, as DuckDB compares strings).
 *
 * @param min lower bound of the non-NULL values, or null when unknown
 * @param max upper bound of the non-NULL values, or null when unknown
 * @param nullCount number of NULLs, or -1 when unknown
 * @param mayContainNaN true for floating-point columns, whose NaNs statistics leave out
 */
record ColumnBounds(DataType type, Object min, Object max, long nullCount, long valueCount, boolean mayContainNaN) {

    static ColumnBounds of(ParquetColumn column, ColumnChunkMetaData chunk) {
        long valueCount = chunk.getValueCount();
        Statistics<?> statistics = chunk.getStatistics();
        boolean floating = column.type().id() == TypeId.DOUBLE;
        if (statistics == null || statistics.isEmpty()) {
            return new ColumnBounds(column.type(), null, null, -1, valueCount, floating);
        }
        long nullCount = statistics.isNumNullsSet() ? statistics.getNumNulls() : -1;
        Object min = null;
        Object max = null;
        if (statistics.hasNonNullValue() && column.orderedStatistics()) {
            min = value(column, statistics.genericGetMin());
            max = value(column, statistics.genericGetMax());
            if (min == null || max == null) {
                min = null;
                max = null;
            }
        }
        return new ColumnBounds(column.type(), min, max, nullCount, valueCount, floating);
    }

    boolean hasMinMax() {
        return min != null && max != null;
    }

    /** True when the statistics prove every value is NULL. */
    boolean allNull() {
        return nullCount >= 0 && nullCount == valueCount;
    }

    /** True when the statistics prove no value is NULL. */
    boolean noNulls() {
        return nullCount == 0;
    }

    ColumnBounds withValues(DataType newType, Object newMin, Object newMax, boolean nan) {
        return new ColumnBounds(newType, newMin, newMax, nullCount, valueCount, nan);
    }

    /** A statistics value converted like the column's values are, or null when it cannot be used. */
    private static Object value(ParquetColumn column, Object raw) {
        DataType type = column.type();
        return switch (column.conversion()) {
            case INT32 -> (long) (Integer) raw;
            case INT32_TO_INT64 -> decimalOrLong(type, (Integer) raw);
            case INT64 -> decimalOrLong(type, (Long) raw);
            case MILLIS_TO_MICROS -> {
                long millis = (Long) raw;
                yield Math.abs(millis) > Long.MAX_VALUE / 1000 ? null : millis * 1000;
            }
            case NANOS_TO_MICROS -> Math.floorDiv((Long) raw, 1000L);
            case FLOAT_TO_DOUBLE -> finite(((Float) raw).doubleValue());
            case DOUBLE -> finite((Double) raw);
            case BOOLEAN -> raw;
            case BINARY -> ((Binary) raw).getBytes();
            case DECIMAL_BYTES_TO_INT64, DECIMAL_BYTES_TO_INT128 -> {
                byte[] bytes = ((Binary) raw).getBytes();
                yield bytes.length == 0 ? null : new BigDecimal(new BigInteger(bytes), type.scale());
            }
            // Unsigned and INT96 statistics are not in the order Spillway compares (orderedStatistics is false).
            case UINT32_TO_INT64, UINT64, INT96_TO_MICROS -> null;
        };
    }

    private static Object decimalOrLong(DataType type, long value) {
        return type.isDecimal() ? BigDecimal.valueOf(value, type.scale()) : value;
    }

    private static Double finite(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** Compares two values of one type's domain; -0.0 equals 0.0 as in SQL. */
    static int compare(Object left, Object right) {
        return switch (left) {
            case Long l -> Long.compare(l, (Long) right);
            case BigDecimal d -> d.compareTo((BigDecimal) right);
            case Double d -> {
                double r = (Double) right;
                yield d < r ? -1 : d > r ? 1 : 0;
            }
            case byte[] bytes -> Arrays.compareUnsigned(bytes, (byte[]) right);
            case Boolean b -> Boolean.compare(b, (Boolean) right);
            default -> throw new IllegalArgumentException("not a statistics value: " + left.getClass());
        };
    }

    /** Rounds a decimal to a scale the way casts do (half away from zero). */
    static BigDecimal rescale(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }
}
