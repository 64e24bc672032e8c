package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.expr.Function;
import dev.spillway.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * lower, upper, length and substring: byte loops for ASCII text (the common case), Java strings for
 * the rest. Positions and lengths count characters (code points), as in DuckDB.
 */
final class StringExpression implements VectorExpression {
    private final Function function;
    private final List<VectorExpression> args;
    private final DataType type;

    StringExpression(Function function, List<VectorExpression> args, DataType type) {
        this.function = function;
        this.args = args;
        this.type = type;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        int rows = batch.rowCount();
        FieldVector[] inputs = new FieldVector[args.size()];
        try {
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = args.get(i).evaluate(batch, context);
            }
            FieldVector out = Results.newVector(type, rows, context);
            try {
                if (anyNullVector(inputs)) {
                    out.getValidityBuffer().setZero(0, Bits.wordBytes(rows));
                    out.setValueCount(rows);
                    return out;
                }
                if (function == Function.LENGTH) {
                    length((VarCharVector) inputs[0], out, rows);
                } else {
                    transform(inputs, (VarCharVector) out, rows);
                }
                out.setValueCount(rows);
                return out;
            } catch (RuntimeException | Error e) {
                out.close();
                throw e;
            }
        } finally {
            for (FieldVector input : inputs) {
                if (input != null) {
                    input.close();
                }
            }
        }
    }

    private static boolean anyNullVector(FieldVector[] inputs) {
        for (FieldVector input : inputs) {
            if (input instanceof NullVector) {
                return true;
            }
        }
        return false;
    }

    private void length(VarCharVector input, FieldVector out, int rows) {
        ArrowBuf offsets = input.getOffsetBuffer();
        ArrowBuf data = input.getDataBuffer();
        ArrowBuf target = out.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            int start = offsets.getInt((long) i << 2);
            int end = offsets.getInt((long) (i + 1) << 2);
            target.setLong((long) i << 3, Strings.codePointCount(data, start, end - start));
        }
        Results.validityFrom(out, input, rows);
    }

    private void transform(FieldVector[] inputs, VarCharVector out, int rows) {
        VarCharVector strings = (VarCharVector) inputs[0];
        ArrowBuf offsets = strings.getOffsetBuffer();
        ArrowBuf data = strings.getDataBuffer();
        byte[] buffer = new byte[256];
        for (int i = 0; i < rows; i++) {
            if (!Results.allValid(inputs, i)) {
                out.setNull(i);
                continue;
            }
            int start = offsets.getInt((long) i << 2);
            int length = offsets.getInt((long) (i + 1) << 2) - start;
            if (buffer.length < length) {
                buffer = new byte[Math.max(length, buffer.length * 2)];
            }
            data.getBytes(start, buffer, 0, length);
            boolean ascii = Strings.isAscii(data, start, length);
            switch (function) {
                case LOWER, UPPER -> {
                    if (ascii) {
                        boolean upper = function == Function.UPPER;
                        for (int k = 0; k < length; k++) {
                            byte b = buffer[k];
                            if (upper && b >= 'a' && b <= 'z') {
                                buffer[k] = (byte) (b - 32);
                            } else if (!upper && b >= 'A' && b <= 'Z') {
                                buffer[k] = (byte) (b + 32);
                            }
                        }
                        out.setSafe(i, buffer, 0, length);
                    } else {
                        String text = new String(buffer, 0, length, StandardCharsets.UTF_8);
                        String result = Strings.changeCase(text, function == Function.UPPER);
                        out.setSafe(i, result.getBytes(StandardCharsets.UTF_8));
                    }
                }
                case SUBSTRING -> {
                    long startPosition = inputs[1].getDataBuffer().getLong((long) i << 3);
                    long count = inputs.length > 2 ? inputs[2].getDataBuffer().getLong((long) i << 3) : Long.MAX_VALUE / 4;
                    if (ascii) {
                        long[] range = substringRange(length, startPosition, count);
                        out.setSafe(i, buffer, (int) range[0], (int) (range[1] - range[0]));
                    } else {
                        String text = new String(buffer, 0, length, StandardCharsets.UTF_8);
                        int codePoints = text.codePointCount(0, text.length());
                        long[] range = substringRange(codePoints, startPosition, count);
                        int from = text.offsetByCodePoints(0, (int) range[0]);
                        int to = text.offsetByCodePoints(from, (int) (range[1] - range[0]));
                        out.setSafe(i, text.substring(from, to).getBytes(StandardCharsets.UTF_8));
                    }
                }
                default -> throw new IllegalStateException(function.toString());
            }
        }
    }

    /**
     * The [begin, end) character range of SQL substring(s, start, count) on a string of {@code length}
     * characters: 1-based start, a start of 0 or below eats into the count, a negative start counts from the end.
     */
    static long[] substringRange(int length, long start, long count) {
        long begin;
        long end;
        if (start < 0) {
            begin = Math.max(0, length + start);
            end = count < 0 ? begin : Math.min(length, begin + count);
        } else {
            begin = start == 0 ? 0 : start - 1;
            long stop = start == 0 ? count - 1 : begin + count;
            end = count < 0 ? begin : Math.min(length, Math.max(begin, stop));
            begin = Math.min(begin, length);
            end = Math.max(end, begin);
        }
        return new long[] {begin, end};
    }
}
