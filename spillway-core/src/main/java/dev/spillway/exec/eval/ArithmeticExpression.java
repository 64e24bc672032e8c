package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.Function;
import dev.spillway.types.DataType;
import dev.spillway.types.Decimals;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code + - * / // %} over two operands bound by {@code Functions} (same type, except decimal
 * multiplication whose scales add up). Integer and decimal results are checked: an overflow or a
 * division by zero in a non-NULL row is an error (as in DuckDB); NULL rows hold arbitrary bits and are
 * ignored.
 *
 * <p>Algorithm: compute every row without branching on validity, remember whether any row overflowed,
 * and only then look for a valid offending row to report. Errors are rare, so the fast path stays tight.
 */
final class ArithmeticExpression implements VectorExpression {
    private final Function op;
    private final VectorExpression left;
    private final VectorExpression right;
    private final DataType type;
    private final Physical resultPhysical;
    private final long longDecimalLimit;

    ArithmeticExpression(Function op, VectorExpression left, VectorExpression right, DataType type) {
        this.op = op;
        this.left = left;
        this.right = right;
        this.type = type;
        this.resultPhysical = Physical.of(type);
        this.longDecimalLimit = type.isLongDecimal() ? Decimals.longPowerOfTen(type.precision()) : 0;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        int rows = batch.rowCount();
        try (FieldVector a = left.evaluate(batch, context); FieldVector b = right.evaluate(batch, context)) {
            FieldVector out = Results.newVector(type, rows, context);
            try {
                Results.validityFrom(out, a, b, rows);
                int bad = switch (resultPhysical) {
                    case INT32 -> ints(a.getDataBuffer(), b.getDataBuffer(), out.getDataBuffer(), rows, out.getValidityBuffer());
                    case INT64 -> type.isDecimal() ? longDecimals(a, b, out.getDataBuffer(), rows, out.getValidityBuffer())
                            : longs(a.getDataBuffer(), b.getDataBuffer(), out.getDataBuffer(), rows, out.getValidityBuffer());
                    case FLOAT64 -> doubles(a.getDataBuffer(), b.getDataBuffer(), out.getDataBuffer(), rows);
                    case DEC128 -> wideDecimals(a, b, out.getDataBuffer(), rows, out.getValidityBuffer());
                    default -> throw new IllegalStateException("arithmetic on " + type);
                };
                if (bad >= 0) {
                    throw failure(a, b, bad);
                }
                out.setValueCount(rows);
                return out;
            } catch (RuntimeException | Error e) {
                out.close();
                throw e;
            }
        }
    }

    /** Returns the first valid row that overflowed or divided by zero, or -1. */
    private int ints(ArrowBuf x, ArrowBuf y, ArrowBuf z, int rows, ArrowBuf valid) {
        boolean suspect = false;
        switch (op) {
            case ADD -> {
                for (int i = 0; i < rows; i++) {
                    long o = (long) i << 2;
                    int p = x.getInt(o);
                    int q = y.getInt(o);
                    int r = p + q;
                    suspect |= ((p ^ r) & (q ^ r)) < 0;
                    z.setInt(o, r);
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < rows; i++) {
                    long o = (long) i << 2;
                    int p = x.getInt(o);
                    int q = y.getInt(o);
                    int r = p - q;
                    suspect |= ((p ^ q) & (p ^ r)) < 0;
                    z.setInt(o, r);
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < rows; i++) {
                    long o = (long) i << 2;
                    long r = (long) x.getInt(o) * y.getInt(o);
                    suspect |= r != (int) r;
                    z.setInt(o, (int) r);
                }
            }
            case INTEGER_DIVIDE, MODULO -> {
                boolean divide = op == Function.INTEGER_DIVIDE;
                for (int i = 0; i < rows; i++) {
                    long o = (long) i << 2;
                    int p = x.getInt(o);
                    int q = y.getInt(o);
                    if (q == 0 || (q == -1 && p == Integer.MIN_VALUE)) {
                        if (Bits.isSet(valid, i)) {
                            return i;
                        }
                        z.setInt(o, 0);
                        continue;
                    }
                    z.setInt(o, divide ? p / q : p % q);
                }
            }
            default -> throw new IllegalStateException(op + " on INTEGER");
        }
        return suspect ? firstInvalidResult(x, y, rows, valid) : -1;
    }

    private int longs(ArrowBuf x, ArrowBuf y, ArrowBuf z, int rows, ArrowBuf valid) {
        boolean suspect = false;
        switch (op) {
            case ADD -> {
                for (int i = 0; i < rows; i++) {
                    long o = (long) i << 3;
                    long p = x.getLong(o);
                    long q = y.getLong(o);
                    long r = p + q;
                    suspect |= ((p ^ r) & (q ^ r)) < 0;
                    z.setLong(o, r);
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < rows; i++) {
                    long o = (long) i << 3;
                    long p = x.getLong(o);
                    long q = y.getLong(o);
                    long r = p - q;
                    suspect |= ((p ^ q) & (p ^ r)) < 0;
                    z.setLong(o, r);
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < rows; i++) {
                    long o = (long) i << 3;
                    long p = x.getLong(o);
                    long q = y.getLong(o);
                    long r = p * q;
                    suspect |= Math.multiplyHigh(p, q) != (r >> 63);
                    z.setLong(o, r);
                }
            }
            case INTEGER_DIVIDE, MODULO -> {
                boolean divide = op == Function.INTEGER_DIVIDE;
                for (int i = 0; i < rows; i++) {
                    long o = (long) i << 3;
                    long p = x.getLong(o);
                    long q = y.getLong(o);
                    if (q == 0 || (q == -1 && p == Long.MIN_VALUE)) {
                        if (Bits.isSet(valid, i)) {
                            return i;
                        }
                        z.setLong(o, 0);
                        continue;
                    }
                    z.setLong(o, divide ? p / q : p % q);
                }
            }
            default -> throw new IllegalStateException(op + " on BIGINT");
        }
        return suspect ? firstInvalidResult(x, y, rows, valid) : -1;
    }

    private int longDecimals(FieldVector a, FieldVector b, ArrowBuf z, int rows, ArrowBuf valid) {
        ArrowBuf x = a.getDataBuffer();
        ArrowBuf y = b.getDataBuffer();
        if (op == Function.MODULO) {
            return longs(x, y, z, rows, valid);
        }
        int bad = longs(x, y, z, rows, valid);
        if (bad >= 0) {
            return bad;
        }
        long limit = longDecimalLimit;
        boolean suspect = false;
        for (int i = 0; i < rows; i++) {
            long r = z.getLong((long) i << 3);
            suspect |= r >= limit | r <= -limit;
        }
        if (suspect) {
            for (int i = 0; i < rows; i++) {
                long r = z.getLong((long) i << 3);
                if ((r >= limit || r <= -limit) && Bits.isSet(valid, i)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private int wideDecimals(FieldVector a, FieldVector b, ArrowBuf z, int rows, ArrowBuf valid) {
        WideReader x = WideReader.of(a);
        WideReader y = WideReader.of(b);
        long[] result = new long[2];
        for (int i = 0; i < rows; i++) {
            boolean overflow = switch (op) {
                case ADD -> Int128.add(x.high(i), x.low(i), y.high(i), y.low(i), result);
                case SUBTRACT -> Int128.subtract(x.high(i), x.low(i), y.high(i), y.low(i), result);
                case MULTIPLY -> Int128.multiply(x.high(i), x.low(i), y.high(i), y.low(i), result);
                case MODULO -> modulo128(x, y, i, result);
                default -> throw new IllegalStateException(op + " on " + type);
            };
            if (overflow && Bits.isSet(valid, i)) {
                return i;
            }
            long o = (long) i << 4;
            z.setLong(o, result[1]);
            z.setLong(o + 8, result[0]);
        }
        return -1;
    }

    private static boolean modulo128(WideReader x, WideReader y, int row, long[] result) {
        java.math.BigInteger divisor = dev.spillway.data.Values.int128(y.low(row), y.high(row));
        if (divisor.signum() == 0) {
            return true;
        }
        java.math.BigInteger remainder = dev.spillway.data.Values.int128(x.low(row), x.high(row)).remainder(divisor);
        result[0] = remainder.shiftRight(64).longValue();
        result[1] = remainder.longValue();
        return false;
    }

    private int doubles(ArrowBuf x, ArrowBuf y, ArrowBuf z, int rows) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < rows; i++) {
                    long o = (long) i << 3;
                    z.setDouble(o, x.getDouble(o) + y.getDouble(o));
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < rows; i++) {
                    long o = (long) i << 3;
                    z.setDouble(o, x.getDouble(o) - y.getDouble(o));
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < rows; i++) {
                    long o = (long) i << 3;
                    z.setDouble(o, x.getDouble(o) * y.getDouble(o));
                }
            }
            // DuckDB's // on doubles is plain division.
            case DIVIDE, INTEGER_DIVIDE -> {
                for (int i = 0; i < rows; i++) {
                    long o = (long) i << 3;
                    z.setDouble(o, x.getDouble(o) / y.getDouble(o));
                }
            }
            case MODULO -> {
                for (int i = 0; i < rows; i++) {
                    long o = (long) i << 3;
                    z.setDouble(o, x.getDouble(o) % y.getDouble(o));
                }
            }
            default -> throw new IllegalStateException(op + " on DOUBLE");
        }
        return -1;
    }

    /** Recomputes exactly to find the first valid row whose result overflowed. */
    private int firstInvalidResult(ArrowBuf x, ArrowBuf y, int rows, ArrowBuf valid) {
        boolean ints = resultPhysical == Physical.INT32;
        for (int i = 0; i < rows; i++) {
            if (!Bits.isSet(valid, i)) {
                continue;
            }
            try {
                if (ints) {
                    int p = x.getInt((long) i << 2);
                    int q = y.getInt((long) i << 2);
                    switch (op) {
                        case ADD -> Math.addExact(p, q);
                        case SUBTRACT -> Math.subtractExact(p, q);
                        case MULTIPLY -> Math.multiplyExact(p, q);
                        default -> { }
                    }
                } else {
                    long p = x.getLong((long) i << 3);
                    long q = y.getLong((long) i << 3);
                    switch (op) {
                        case ADD -> Math.addExact(p, q);
                        case SUBTRACT -> Math.subtractExact(p, q);
                        case MULTIPLY -> Math.multiplyExact(p, q);
                        default -> { }
                    }
                }
            } catch (ArithmeticException e) {
                return i;
            }
        }
        return -1;
    }

    private SpillwayException failure(FieldVector a, FieldVector b, int row) {
        Object p = dev.spillway.data.Values.get(a, left.type(), row);
        Object q = dev.spillway.data.Values.get(b, right.type(), row);
        if ((op == Function.MODULO || op == Function.INTEGER_DIVIDE) && q != null && ((q instanceof Number n && n.doubleValue() == 0))) {
            return SpillwayException.userError("division by zero in %s %s %s", p, op.symbol(), q);
        }
        String what = switch (op) {
            case ADD -> "addition";
            case SUBTRACT -> "subtraction";
            case MULTIPLY -> "multiplication";
            case INTEGER_DIVIDE -> "division";
            default -> "modulo";
        };
        return SpillwayException.userError("overflow in %s of %s (%s %s %s)", what, type, p, op.symbol(), q);
    }
}
