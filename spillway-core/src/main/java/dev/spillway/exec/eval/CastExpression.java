package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.data.ValueFormatter;
import dev.spillway.data.ValueParser;
import dev.spillway.data.Values;
import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import dev.spillway.types.Decimals;
import dev.spillway.types.Interval;
import dev.spillway.types.TypeId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * CAST with DuckDB's semantics: doubles to integers round half to even, decimals to integers and
 * decimals to fewer digits round half away from zero, out-of-range values and unparsable strings are
 * errors naming the value. Frequent numeric and temporal casts have primitive loops; the others go
 * value by value.
 */
final class CastExpression implements VectorExpression {
    private final VectorExpression input;
    private final DataType from;
    private final DataType to;

    CastExpression(VectorExpression input, DataType to) {
        this.input = input;
        this.from = input.type();
        this.to = to;
    }

    @Override
    public DataType type() {
        return to;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        int rows = batch.rowCount();
        try (FieldVector source = input.evaluate(batch, context)) {
            FieldVector out = Results.newVector(to, rows, context);
            try {
                if (source instanceof NullVector) {
                    if (!(out instanceof NullVector)) {
                        out.getValidityBuffer().setZero(0, Bits.wordBytes(rows));
                    }
                } else if (!fastPath(source, out, rows)) {
                    slowPath(source, out, rows);
                }
                out.setValueCount(rows);
                return out;
            } catch (RuntimeException | Error e) {
                out.close();
                throw e;
            }
        }
    }

    private boolean fastPath(FieldVector source, FieldVector out, int rows) {
        ArrowBuf in = source.getDataBuffer();
        ArrowBuf data = out.getDataBuffer();
        TypeId f = from.id();
        TypeId t = to.id();
        if (f == TypeId.INTEGER && t == TypeId.BIGINT) {
            for (int i = 0; i < rows; i++) {
                data.setLong((long) i << 3, in.getInt((long) i << 2));
            }
        } else if (f == TypeId.INTEGER && t == TypeId.DOUBLE) {
            for (int i = 0; i < rows; i++) {
                data.setDouble((long) i << 3, in.getInt((long) i << 2));
            }
        } else if (f == TypeId.BIGINT && t == TypeId.DOUBLE) {
            for (int i = 0; i < rows; i++) {
                data.setDouble((long) i << 3, (double) in.getLong((long) i << 3));
            }
        } else if (f == TypeId.DATE && t == TypeId.TIMESTAMP) {
            for (int i = 0; i < rows; i++) {
                data.setLong((long) i << 3, in.getInt((long) i << 2) * Interval.MICROS_PER_DAY);
            }
        } else if (f == TypeId.TIMESTAMP && t == TypeId.DATE) {
            for (int i = 0; i < rows; i++) {
                data.setInt((long) i << 2, (int) Math.floorDiv(in.getLong((long) i << 3), Interval.MICROS_PER_DAY));
            }
        } else if (from.isLongDecimal() && t == TypeId.DOUBLE) {
            double divisor = Decimals.longPowerOfTen(from.scale());
            for (int i = 0; i < rows; i++) {
                data.setDouble((long) i << 3, in.getLong((long) i << 3) / divisor);
            }
        } else if ((f == TypeId.INTEGER || f == TypeId.BIGINT || from.isLongDecimal()) && to.isLongDecimal()
                && from.scale() - to.scale() <= 18) {
            toLongDecimal(source, in, data, rows);
        } else {
            return false;
        }
        Results.validityFrom(out, source, rows);
        return true;
    }

    /** Integers and 64-bit decimals to a 64-bit decimal: scale up exactly or round half away from zero. */
    private void toLongDecimal(FieldVector source, ArrowBuf in, ArrowBuf data, int rows) {
        int fromScale = from.isDecimal() ? from.scale() : 0;
        int shift = to.scale() - fromScale;
        long limit = Decimals.longPowerOfTen(to.precision());
        boolean ints = from.id() == TypeId.INTEGER;
        ArrowBuf valid = source.getValidityBuffer();
        long factor = Decimals.longPowerOfTen(Math.abs(shift));
        for (int i = 0; i < rows; i++) {
            long value = ints ? in.getInt((long) i << 2) : in.getLong((long) i << 3);
            long result;
            boolean overflow;
            if (shift >= 0) {
                result = value * factor;
                overflow = Math.multiplyHigh(value, factor) != (result >> 63) || result >= limit || result <= -limit;
            } else {
                result = value / factor;
                long remainder = value % factor;
                if (Math.abs(remainder) * 2 >= factor) {
                    result += value < 0 ? -1 : 1;
                }
                overflow = result >= limit || result <= -limit;
            }
            if (overflow && Bits.isSet(valid, i)) {
                throw outOfRange(value, fromScale);
            }
            data.setLong((long) i << 3, result);
        }
    }

    private SpillwayException outOfRange(long unscaled, int scale) {
        return SpillwayException.userError("value %s is out of range for %s", BigDecimal.valueOf(unscaled, scale).toPlainString(), to);
    }

    private void slowPath(FieldVector source, FieldVector out, int rows) {
        ArrowBuf valid = source.getValidityBuffer();
        for (int i = 0; i < rows; i++) {
            if (!Bits.isSet(valid, i)) {
                out.setNull(i);
                continue;
            }
            Object value = Values.get(source, from, i);
            write(out, i, convert(value));
        }
    }

    private Object convert(Object value) {
        if (to.id() == TypeId.VARCHAR) {
            return switch (value) {
                case Boolean b -> b ? "true" : "false";
                default -> ValueFormatter.format(value);
            };
        }
        if (value instanceof String text) {
            return ValueParser.parse(text, to);
        }
        return switch (to.id()) {
            case BOOLEAN -> switch (value) {
                case Boolean b -> b;
                case Number n -> n.doubleValue() != 0;
                default -> throw unsupported();
            };
            case INTEGER -> {
                long result = toLong(value);
                if (result < Integer.MIN_VALUE || result > Integer.MAX_VALUE) {
                    throw SpillwayException.userError("value %s is out of range for INTEGER", ValueFormatter.format(value));
                }
                yield (int) result;
            }
            case BIGINT -> toLong(value);
            case DOUBLE -> switch (value) {
                case Boolean b -> b ? 1.0 : 0.0;
                case Number n -> n.doubleValue();
                default -> throw unsupported();
            };
            case DECIMAL -> {
                BigDecimal decimal = switch (value) {
                    case Boolean b -> b ? BigDecimal.ONE : BigDecimal.ZERO;
                    case Double d -> {
                        if (d.isNaN() || d.isInfinite()) {
                            throw SpillwayException.userError("value %s cannot be cast to %s", ValueFormatter.formatDouble(d), to);
                        }
                        yield doubleToDecimal(d, to.scale());
                    }
                    case BigDecimal d -> d;
                    case Number n -> BigDecimal.valueOf(n.longValue());
                    default -> throw unsupported();
                };
                try {
                    yield Decimals.rescale(decimal, to);
                } catch (SpillwayException e) {
                    throw SpillwayException.userError("value %s is out of range for %s", ValueFormatter.format(value), to);
                }
            }
            case DATE -> switch (value) {
                case LocalDateTime t -> t.toLocalDate();
                case LocalDate d -> d;
                default -> throw unsupported();
            };
            case TIMESTAMP -> switch (value) {
                case LocalDate d -> d.atStartOfDay();
                case LocalDateTime t -> t;
                default -> throw unsupported();
            };
            default -> throw unsupported();
        };
    }

    private long toLong(Object value) {
        return switch (value) {
            case Boolean b -> b ? 1 : 0;
            case Integer n -> n;
            case Long n -> n;
            case Double d -> {
                if (d.isNaN() || d.isInfinite() || Math.abs(d) >= 9.223372036854776E18) {
                    throw SpillwayException.userError("value %s is out of range for %s", ValueFormatter.formatDouble(d), to);
                }
                yield (long) Math.rint(d);
            }
            case BigDecimal d -> {
                try {
                    yield d.setScale(0, RoundingMode.HALF_UP).longValueExact();
                } catch (ArithmeticException e) {
                    throw SpillwayException.userError("value %s is out of range for %s", d.toPlainString(), to);
                }
            }
            default -> throw unsupported();
        };
    }

    private SpillwayException unsupported() {
        return SpillwayException.userError("cannot cast %s to %s", from, to);
    }

    private void write(FieldVector out, int row, Object value) {
        switch (to.id()) {
            case BOOLEAN -> ((BitVector) out).set(row, (Boolean) value ? 1 : 0);
            case INTEGER -> out.getDataBuffer().setInt((long) row << 2, (Integer) value);
            case BIGINT -> out.getDataBuffer().setLong((long) row << 3, (Long) value);
            case DOUBLE -> out.getDataBuffer().setDouble((long) row << 3, (Double) value);
            case DECIMAL -> {
                if (to.isLongDecimal()) {
                    out.getDataBuffer().setLong((long) row << 3, ((BigDecimal) value).unscaledValue().longValueExact());
                } else {
                    ((DecimalVector) out).set(row, (BigDecimal) value);
                }
            }
            case DATE -> out.getDataBuffer().setInt((long) row << 2, (int) ((LocalDate) value).toEpochDay());
            case TIMESTAMP -> out.getDataBuffer().setLong((long) row << 3, Values.toEpochMicros((LocalDateTime) value));
            case VARCHAR -> ((VarCharVector) out).setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
            default -> throw unsupported();
        }
        if (to.id() != TypeId.VARCHAR && to.id() != TypeId.BOOLEAN && !(to.isWideDecimal())) {
            Bits.set(out.getValidityBuffer(), row);
        }
    }

    /** {@code 1e0 .. 1e38} as double literals, the constants DuckDB scales doubles with. */
    private static final double[] DOUBLE_POWERS_OF_TEN = java.util.stream.IntStream.rangeClosed(0, DataType.MAX_DECIMAL_PRECISION)
            .mapToDouble(exponent -> Double.parseDouble("1e" + exponent)).toArray();

    /**
     * A double as a decimal of the given scale, rounded as DuckDB rounds it: scaled in double arithmetic, then
     * rounded half away from zero. Rounding the double's shortest decimal digits instead differs whenever the
     * scaling itself rounds to a half: {@code 44580349843.69985} at scale 4 is {@code ...6999} in DuckDB.
     */
    static BigDecimal doubleToDecimal(double value, int scale) {
        double scaled = Math.abs(value * DOUBLE_POWERS_OF_TEN[scale]);
        double whole = Math.floor(scaled);
        double rounded = Math.copySign(scaled - whole >= 0.5 ? whole + 1 : whole, value);
        return new BigDecimal(rounded).movePointLeft(scale).setScale(scale);
    }
}
