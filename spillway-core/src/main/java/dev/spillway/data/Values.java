package dev.spillway.data;

import dev.spillway.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Reads single values as Java objects of the canonical class per type: BOOLEAN Boolean, INTEGER Integer,
 * BIGINT Long, DOUBLE Double, DECIMAL BigDecimal, VARCHAR String, DATE LocalDate, TIMESTAMP LocalDateTime.
 * For results, tests and constant folding, never in per-row hot loops.
 */
public final class Values {
    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private Values() {}

    public static Object get(FieldVector vector, DataType type, int row) {
        if (vector instanceof NullVector || vector.isNull(row)) {
            return null;
        }
        return switch (type.id()) {
            case NULL -> null;
            case BOOLEAN -> ((BitVector) vector).get(row) != 0;
            case INTEGER -> ((IntVector) vector).get(row);
            case BIGINT -> ((BigIntVector) vector).get(row);
            case DOUBLE -> ((Float8Vector) vector).get(row);
            case DECIMAL -> type.isLongDecimal()
                    ? BigDecimal.valueOf(((BigIntVector) vector).get(row), type.scale())
                    : ((DecimalVector) vector).getObject(row);
            case VARCHAR -> new String(((VarCharVector) vector).get(row), StandardCharsets.UTF_8);
            case DATE -> LocalDate.ofEpochDay(vector.getDataBuffer().getInt((long) row << 2));
            case TIMESTAMP -> fromEpochMicros(((TimeStampMicroVector) vector).get(row));
            case INTERVAL -> throw new IllegalStateException("INTERVAL columns are not supported");
        };
    }

    public static long toEpochMicros(LocalDateTime value) {
        long seconds = value.toEpochSecond(ZoneOffset.UTC);
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), value.getNano() / 1_000);
    }

    public static LocalDateTime fromEpochMicros(long micros) {
        return EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** The low and high 64-bit halves of a 128-bit decimal, as an unscaled BigInteger. */
    public static BigInteger int128(long low, long high) {
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }

    public static long wideLow(ArrowBuf data, int row) {
        return data.getLong((long) row << 4);
    }

    public static long wideHigh(ArrowBuf data, int row) {
        return data.getLong(((long) row << 4) + 8);
    }
}
