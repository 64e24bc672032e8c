package dev.spillway.data;

import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import dev.spillway.types.Decimals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Appends values of one type to a growing Arrow vector. Used by sources that produce rows (CSV, JSON,
 * generators) and by operators that emit small results. {@link #finish} hands the vector over.
 */
public final class ColumnBuilder implements AutoCloseable {
    private final DataType type;
    private FieldVector vector;
    private int count;

    public ColumnBuilder(DataType type, String name, int initialCapacity, BufferAllocator allocator) {
        this.type = type;
        this.vector = Vectors.allocate(type, name, initialCapacity, allocator);
    }

    public DataType type() {
        return type;
    }

    public int count() {
        return count;
    }

    public void appendNull() {
        if (!(vector instanceof NullVector)) {
            ensure();
            vector.setNull(count);
        }
        count++;
    }

    private void ensure() {
        while (count >= vector.getValueCapacity()) {
            vector.reAlloc();
        }
    }

    public void appendBoolean(boolean value) {
        ((BitVector) vector).setSafe(count++, value ? 1 : 0);
    }

    public void appendInt(int value) {
        if (vector instanceof IntVector ints) {
            ints.setSafe(count++, value);
        } else {
            ((DateDayVector) vector).setSafe(count++, value);
        }
    }

    /** BIGINT, TIMESTAMP (microseconds) or a DECIMAL up to 18 digits (unscaled). */
    public void appendLong(long value) {
        if (vector instanceof BigIntVector longs) {
            longs.setSafe(count++, value);
        } else if (vector instanceof TimeStampMicroVector timestamps) {
            timestamps.setSafe(count++, value);
        } else {
            appendDecimal(BigDecimal.valueOf(value, type.scale()));
        }
    }

    public void appendDouble(double value) {
        ((Float8Vector) vector).setSafe(count++, value);
    }

    /** A decimal of this column's scale (rescaled exactly, or an error if digits would be lost). */
    public void appendDecimal(BigDecimal value) {
        BigDecimal scaled = Decimals.rescale(value, type);
        if (type.isLongDecimal()) {
            ((BigIntVector) vector).setSafe(count++, scaled.unscaledValue().longValueExact());
        } else {
            ((DecimalVector) vector).setSafe(count++, scaled);
        }
    }

    public void appendUtf8(byte[] bytes, int offset, int length) {
        ((VarCharVector) vector).setSafe(count++, bytes, offset, length);
    }

    public void appendString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        appendUtf8(bytes, 0, bytes.length);
    }

    /** Appends a Java value of the canonical class for this type (see {@link Values}); null appends NULL. */
    public void append(Object value) {
        if (value == null) {
            appendNull();
            return;
        }
        switch (type.id()) {
            case BOOLEAN -> appendBoolean((Boolean) value);
            case INTEGER -> appendInt(((Number) value).intValue());
            case BIGINT -> appendLong(((Number) value).longValue());
            case DOUBLE -> appendDouble(((Number) value).doubleValue());
            case DECIMAL -> appendDecimal(value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
            case VARCHAR -> appendString(value.toString());
            case DATE -> appendInt((int) ((LocalDate) value).toEpochDay());
            case TIMESTAMP -> appendLong(Values.toEpochMicros((LocalDateTime) value));
            case NULL -> appendNull();
            case INTERVAL -> throw SpillwayException.userError("INTERVAL values cannot be stored in a column");
        }
    }

    /** Hands the vector (with its value count set) to the caller; this builder becomes empty. */
    public FieldVector finish() {
        FieldVector result = vector;
        result.setValueCount(count);
        vector = null;
        return result;
    }

    @Override
    public void close() {
        if (vector != null) {
            vector.close();
            vector = null;
        }
    }
}
