package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import dev.spillway.types.DataType;
import dev.spillway.types.Decimals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;

/** A constant repeated for every row. Kernels that know a side is constant avoid this (see the compiler). */
final class ConstantExpression implements VectorExpression {
    private final DataType type;
    private final Object value;

    ConstantExpression(DataType type, Object value) {
        this.type = type;
        this.value = value;
    }

    Object value() {
        return value;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        return materialize(type, value, batch.rowCount(), context);
    }

    static FieldVector materialize(DataType type, Object value, int rowCount, EvalContext context) {
        FieldVector vector = Vectors.allocate(type, "constant", rowCount, context.allocator());
        try {
            if (vector instanceof NullVector || value == null) {
                vector.setValueCount(rowCount);
                return vector;
            }
            Bits.setAll(vector.getValidityBuffer(), rowCount);
            ArrowBuf data = vector.getDataBuffer();
            switch (Physical.of(type)) {
                case BIT -> {
                    if ((Boolean) value) {
                        Bits.setAll(((BitVector) vector).getDataBuffer(), rowCount);
                    } else {
                        data.setZero(0, Bits.wordBytes(rowCount));
                    }
                }
                case INT32 -> {
                    int v = toInt(type, value);
                    for (int i = 0; i < rowCount; i++) {
                        data.setInt((long) i << 2, v);
                    }
                }
                case INT64 -> {
                    long v = toLong(type, value);
                    for (int i = 0; i < rowCount; i++) {
                        data.setLong((long) i << 3, v);
                    }
                }
                case FLOAT64 -> {
                    double v = (Double) value;
                    for (int i = 0; i < rowCount; i++) {
                        data.setDouble((long) i << 3, v);
                    }
                }
                case DEC128 -> {
                    DecimalVector decimals = (DecimalVector) vector;
                    BigDecimal v = (BigDecimal) value;
                    for (int i = 0; i < rowCount; i++) {
                        decimals.set(i, v);
                    }
                }
                case UTF8 -> {
                    VarCharVector strings = (VarCharVector) vector;
                    byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < rowCount; i++) {
                        strings.setSafe(i, bytes);
                    }
                }
                case NULL -> { }
            }
            vector.setValueCount(rowCount);
            return vector;
        } catch (RuntimeException | Error e) {
            vector.close();
            throw e;
        }
    }

    /** The int form of an INTEGER or DATE constant. */
    static int toInt(DataType type, Object value) {
        return value instanceof LocalDate date ? (int) date.toEpochDay() : (Integer) value;
    }

    /** The long form of a BIGINT, TIMESTAMP or 64-bit DECIMAL constant. */
    static long toLong(DataType type, Object value) {
        return switch (value) {
            case LocalDateTime timestamp -> dev.spillway.data.Values.toEpochMicros(timestamp);
            case BigDecimal decimal -> Decimals.rescale(decimal, type).unscaledValue().longValueExact();
            default -> ((Number) value).longValue();
        };
    }
}
