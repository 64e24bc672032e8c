package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.data.Values;
import dev.spillway.types.DataType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * {@code x IN (c1, c2, ...)} with a constant list: TRUE if x equals an element, NULL if x is NULL or no
 * element matched but the list holds a NULL, else FALSE. Lookups go through a hash set of primitives
 * (or UTF-8 byte strings) built once.
 */
final class InListExpression implements VectorExpression {
    private final VectorExpression value;
    private final Physical physical;
    private final Set<Long> longs = new HashSet<>();
    private final Set<ByteBuffer> strings = new HashSet<>();
    private final List<byte[]> shortStringList = new java.util.ArrayList<>();
    private final Set<Object> others = new HashSet<>();
    private final boolean listHasNull;
    private static final int SHORT_LIST = 16;
    private final DataType valueType;

    InListExpression(VectorExpression value, List<Object> constants) {
        this.value = value;
        this.valueType = value.type();
        this.physical = Physical.of(valueType);
        boolean hasNull = false;
        for (Object constant : constants) {
            if (constant == null) {
                hasNull = true;
                continue;
            }
            switch (physical) {
                case INT32 -> longs.add((long) ConstantExpression.toInt(valueType, constant));
                case INT64 -> longs.add(ConstantExpression.toLong(valueType, constant));
                case FLOAT64 -> longs.add(Double.doubleToLongBits(normalize((Double) constant)));
                case UTF8 -> {
                    byte[] bytes = constant.toString().getBytes(StandardCharsets.UTF_8);
                    strings.add(ByteBuffer.wrap(bytes));
                    shortStringList.add(bytes);
                }
                default -> others.add(constant);
            }
        }
        this.listHasNull = hasNull;
    }

    private static double normalize(double d) {
        return d == 0 ? 0.0 : d;
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        int rows = batch.rowCount();
        try (FieldVector input = value.evaluate(batch, context)) {
            BitVector out = Results.newBits(rows, context);
            ArrowBuf result = out.getDataBuffer();
            ArrowBuf valid = out.getValidityBuffer();
            result.setZero(0, Bits.wordBytes(rows));
            valid.setZero(0, Bits.wordBytes(rows));
            if (input instanceof NullVector) {
                out.setValueCount(rows);
                return out;
            }
            ArrowBuf inputValid = input.getValidityBuffer();
            ArrowBuf data = input.getDataBuffer();
            byte[] scratch = new byte[64];
            for (int i = 0; i < rows; i++) {
                if (!Bits.isSet(inputValid, i)) {
                    continue;
                }
                boolean found = switch (physical) {
                    case INT32 -> longs.contains((long) data.getInt((long) i << 2));
                    case INT64 -> longs.contains(data.getLong((long) i << 3));
                    case FLOAT64 -> longs.contains(Double.doubleToLongBits(normalize(data.getDouble((long) i << 3))));
                    case UTF8 -> {
                        ArrowBuf offsets = input.getOffsetBuffer();
                        int start = offsets.getInt((long) i << 2);
                        int length = offsets.getInt((long) (i + 1) << 2) - start;
                        if (shortStringList.size() <= SHORT_LIST) {
                            // A few constants: comparing in place beats hashing the value.
                            boolean hit = false;
                            for (byte[] candidate : shortStringList) {
                                if (Strings.equals(data, start, length, candidate)) {
                                    hit = true;
                                    break;
                                }
                            }
                            yield hit;
                        }
                        if (scratch.length < length) {
                            scratch = new byte[length];
                        }
                        data.getBytes(start, scratch, 0, length);
                        yield strings.contains(ByteBuffer.wrap(scratch, 0, length));
                    }
                    default -> others.contains(Values.get(input, valueType, i));
                };
                if (found) {
                    Bits.set(result, i);
                    Bits.set(valid, i);
                } else if (!listHasNull) {
                    Bits.set(valid, i);
                }
            }
            out.setValueCount(rows);
            return out;
        }
    }
}
