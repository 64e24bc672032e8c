package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.expr.Function;
import dev.spillway.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code = <> < <= > >=} on two operands of the same type, NULL if either is NULL.
 *
 * <p>Algorithm: each layout has one loop that computes a three-way comparison ({@code -1, 0, 1}) and
 * picks the result bit from a three-bit mask per operator (bit 0 "less", bit 1 "equal", bit 2 "greater"),
 * so six operators share one branch-free loop. A constant right side is kept as a primitive.
 */
final class ComparisonExpression implements VectorExpression {
    private final int mask;
    private final VectorExpression left;
    private final VectorExpression right;
    private final Physical physical;
    private final Object constant;
    private final boolean rightIsConstant;

    ComparisonExpression(Function op, VectorExpression left, VectorExpression right) {
        this.mask = mask(op);
        this.left = left;
        this.physical = Physical.of(left.type());
        if (right instanceof ConstantExpression c && c.value() != null) {
            this.right = null;
            this.rightIsConstant = true;
            this.constant = switch (physical) {
                case INT32 -> ConstantExpression.toInt(left.type(), c.value());
                case INT64 -> ConstantExpression.toLong(left.type(), c.value());
                case UTF8 -> c.value().toString().getBytes(StandardCharsets.UTF_8);
                case DEC128 -> ((BigDecimal) c.value()).setScale(left.type().scale()).unscaledValue();
                default -> c.value();
            };
        } else {
            this.right = right;
            this.rightIsConstant = false;
            this.constant = null;
        }
    }

    static int mask(Function op) {
        return switch (op) {
            case LESS_THAN -> 0b001;
            case EQUAL -> 0b010;
            case LESS_THAN_OR_EQUAL -> 0b011;
            case GREATER_THAN -> 0b100;
            case NOT_EQUAL -> 0b101;
            case GREATER_THAN_OR_EQUAL -> 0b110;
            default -> throw new IllegalArgumentException(op + " is not an ordering comparison");
        };
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        int rows = batch.rowCount();
        try (FieldVector a = left.evaluate(batch, context);
                FieldVector b = rightIsConstant ? null : right.evaluate(batch, context)) {
            BitVector out = Results.newBits(rows, context);
            try {
                ArrowBuf result = out.getDataBuffer();
                if (b == null) {
                    compareConstant(a, rows, result);
                    Results.validityFrom(out, a, rows);
                } else {
                    compareVectors(a, b, rows, result);
                    Results.validityFrom(out, a, b, rows);
                }
                out.setValueCount(rows);
                return out;
            } catch (RuntimeException | Error e) {
                out.close();
                throw e;
            }
        }
    }

    private void compareConstant(FieldVector a, int rows, ArrowBuf result) {
        ArrowBuf data = a.getDataBuffer();
        int m = mask;
        switch (physical) {
            case INT32 -> {
                int c = (Integer) constant;
                for (int w = 0; w < Bits.words(rows); w++) {
                    int base = w << 6;
                    int end = Math.min(64, rows - base);
                    long bits = 0;
                    for (int i = 0; i < end; i++) {
                        bits |= (long) ((m >>> (Integer.compare(data.getInt((long) (base + i) << 2), c) + 1)) & 1) << i;
                    }
                    result.setLong((long) w << 3, bits);
                }
            }
            case INT64 -> {
                long c = (Long) constant;
                for (int w = 0; w < Bits.words(rows); w++) {
                    int base = w << 6;
                    int end = Math.min(64, rows - base);
                    long bits = 0;
                    for (int i = 0; i < end; i++) {
                        bits |= (long) ((m >>> (Long.compare(data.getLong((long) (base + i) << 3), c) + 1)) & 1) << i;
                    }
                    result.setLong((long) w << 3, bits);
                }
            }
            case FLOAT64 -> {
                double c = (Double) constant;
                for (int w = 0; w < Bits.words(rows); w++) {
                    int base = w << 6;
                    int end = Math.min(64, rows - base);
                    long bits = 0;
                    for (int i = 0; i < end; i++) {
                        bits |= (long) ((m >>> (compareDoubles(data.getDouble((long) (base + i) << 3), c) + 1)) & 1) << i;
                    }
                    result.setLong((long) w << 3, bits);
                }
            }
            case UTF8 -> {
                byte[] c = (byte[]) constant;
                ArrowBuf offsets = a.getOffsetBuffer();
                for (int w = 0; w < Bits.words(rows); w++) {
                    int base = w << 6;
                    int end = Math.min(64, rows - base);
                    long bits = 0;
                    for (int i = 0; i < end; i++) {
                        int row = base + i;
                        int start = offsets.getInt((long) row << 2);
                        int length = offsets.getInt((long) (row + 1) << 2) - start;
                        int cmp = Strings.compare(data, start, length, c);
                        bits |= (long) ((m >>> (Integer.signum(cmp) + 1)) & 1) << i;
                    }
                    result.setLong((long) w << 3, bits);
                }
            }
            case DEC128 -> {
                BigInteger c = (BigInteger) constant;
                long cLow = c.longValue();
                long cHigh = c.shiftRight(64).longValue();
                for (int w = 0; w < Bits.words(rows); w++) {
                    int base = w << 6;
                    int end = Math.min(64, rows - base);
                    long bits = 0;
                    for (int i = 0; i < end; i++) {
                        long offset = (long) (base + i) << 4;
                        int cmp = Int128.compare(data.getLong(offset + 8), data.getLong(offset), cHigh, cLow);
                        bits |= (long) ((m >>> (cmp + 1)) & 1) << i;
                    }
                    result.setLong((long) w << 3, bits);
                }
            }
            case BIT -> {
                int c = ((Boolean) constant) ? 1 : 0;
                for (int w = 0; w < Bits.words(rows); w++) {
                    int base = w << 6;
                    int end = Math.min(64, rows - base);
                    long bits = 0;
                    for (int i = 0; i < end; i++) {
                        int v = Bits.isSet(data, base + i) ? 1 : 0;
                        bits |= (long) ((m >>> (Integer.compare(v, c) + 1)) & 1) << i;
                    }
                    result.setLong((long) w << 3, bits);
                }
            }
            case NULL -> result.setZero(0, Bits.wordBytes(rows));
        }
    }

    private void compareVectors(FieldVector a, FieldVector b, int rows, ArrowBuf result) {
        if (physical == Physical.NULL) {
            result.setZero(0, Bits.wordBytes(rows));
            return;
        }
        ArrowBuf x = a.getDataBuffer();
        ArrowBuf y = b.getDataBuffer();
        int m = mask;
        for (int w = 0; w < Bits.words(rows); w++) {
            int base = w << 6;
            int end = Math.min(64, rows - base);
            long bits = 0;
            switch (physical) {
                case INT32 -> {
                    for (int i = 0; i < end; i++) {
                        long offset = (long) (base + i) << 2;
                        bits |= (long) ((m >>> (Integer.compare(x.getInt(offset), y.getInt(offset)) + 1)) & 1) << i;
                    }
                }
                case INT64 -> {
                    for (int i = 0; i < end; i++) {
                        long offset = (long) (base + i) << 3;
                        bits |= (long) ((m >>> (Long.compare(x.getLong(offset), y.getLong(offset)) + 1)) & 1) << i;
                    }
                }
                case FLOAT64 -> {
                    for (int i = 0; i < end; i++) {
                        long offset = (long) (base + i) << 3;
                        bits |= (long) ((m >>> (compareDoubles(x.getDouble(offset), y.getDouble(offset)) + 1)) & 1) << i;
                    }
                }
                case UTF8 -> {
                    ArrowBuf xo = a.getOffsetBuffer();
                    ArrowBuf yo = b.getOffsetBuffer();
                    for (int i = 0; i < end; i++) {
                        int row = base + i;
                        int xs = xo.getInt((long) row << 2);
                        int ys = yo.getInt((long) row << 2);
                        int cmp = Strings.compare(x, xs, xo.getInt((long) (row + 1) << 2) - xs, y, ys, yo.getInt((long) (row + 1) << 2) - ys);
                        bits |= (long) ((m >>> (Integer.signum(cmp) + 1)) & 1) << i;
                    }
                }
                case DEC128 -> {
                    for (int i = 0; i < end; i++) {
                        long offset = (long) (base + i) << 4;
                        int cmp = Int128.compare(x.getLong(offset + 8), x.getLong(offset), y.getLong(offset + 8), y.getLong(offset));
                        bits |= (long) ((m >>> (cmp + 1)) & 1) << i;
                    }
                }
                case BIT -> {
                    for (int i = 0; i < end; i++) {
                        int v = Bits.isSet(x, base + i) ? 1 : 0;
                        int u = Bits.isSet(y, base + i) ? 1 : 0;
                        bits |= (long) ((m >>> (Integer.compare(v, u) + 1)) & 1) << i;
                    }
                }
                case NULL -> { }
            }
            result.setLong((long) w << 3, bits);
        }
    }

    /** SQL order for doubles as DuckDB: NaN equals NaN and is greater than everything; -0.0 equals 0.0. */
    static int compareDoubles(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        if (a == b) {
            return 0;
        }
        return Double.isNaN(a) ? (Double.isNaN(b) ? 0 : 1) : -1;
    }
}
