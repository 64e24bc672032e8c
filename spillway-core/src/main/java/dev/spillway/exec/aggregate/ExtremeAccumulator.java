package dev.spillway.exec.aggregate;

import dev.spillway.exec.eval.Bits;
import dev.spillway.exec.eval.Int128;
import dev.spillway.exec.eval.Physical;
import dev.spillway.types.DataType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * min, max and any_value (the first non-NULL value) for fixed-width types: the value is kept in the
 * group's record. Doubles order as in comparisons (NaN largest).
 */
final class ExtremeAccumulator extends SlotAccumulator {
    private static final int VALUE = 8;

    /** Which value a group keeps. */
    enum Mode { MIN, MAX, FIRST }

    private final Mode mode;
    private final DataType type;
    private final Physical physical;

    ExtremeAccumulator(Mode mode, DataType type, BufferAllocator allocator) {
        super(allocator, 24);
        this.mode = mode;
        this.type = type;
        this.physical = Physical.of(type);
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(type);
    }

    @Override
    public void update(int[] groups, int rows, FieldVector input) {
        if (input instanceof NullVector) {
            return;
        }
        ArrowBuf validity = input.getValidityBuffer();
        ArrowBuf data = input.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            if (!Bits.isSet(validity, i)) {
                continue;
            }
            int group = groups[i];
            boolean has = hasValue(group);
            if (has && mode == Mode.FIRST) {
                continue;
            }
            ArrowBuf chunk = slots.chunk(group);
            long at = slots.offset(group, VALUE);
            switch (physical) {
                case INT32 -> {
                    int value = data.getInt((long) i << 2);
                    if (!has || better(Integer.compare(value, chunk.getInt(at)))) {
                        chunk.setInt(at, value);
                    }
                }
                case INT64 -> {
                    long value = data.getLong((long) i << 3);
                    if (!has || better(Long.compare(value, chunk.getLong(at)))) {
                        chunk.setLong(at, value);
                    }
                }
                case FLOAT64 -> {
                    double value = data.getDouble((long) i << 3);
                    if (!has || better(compareDoubles(value, chunk.getDouble(at)))) {
                        chunk.setDouble(at, value);
                    }
                }
                case DEC128 -> {
                    long low = data.getLong((long) i << 4);
                    long high = data.getLong(((long) i << 4) + 8);
                    if (!has || better(Int128.compare(high, low, chunk.getLong(at + 8), chunk.getLong(at)))) {
                        chunk.setLong(at, low);
                        chunk.setLong(at + 8, high);
                    }
                }
                case BIT -> {
                    int value = Bits.isSet(data, i) ? 1 : 0;
                    if (!has || better(Integer.compare(value, chunk.getInt(at)))) {
                        chunk.setInt(at, value);
                    }
                }
                default -> throw new IllegalStateException(physical.toString());
            }
            markValue(group);
        }
    }

    private boolean better(int comparison) {
        return mode == Mode.MIN ? comparison < 0 : comparison > 0;
    }

    private static int compareDoubles(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        return Double.isNaN(a) ? (Double.isNaN(b) ? 0 : 1) : (Double.isNaN(b) ? -1 : 0);
    }

    @Override
    public void combine(int[] groups, int rows, FieldVector[] states) {
        update(groups, rows, states[0]);
    }

    @Override
    public FieldVector[] emitState(int firstGroup, int count, BufferAllocator allocator) {
        return new FieldVector[] {emitFinal(firstGroup, count, allocator)};
    }

    @Override
    public FieldVector emitFinal(int firstGroup, int count, BufferAllocator allocator) {
        FieldVector out = newResult(type, count, allocator);
        ArrowBuf data = out.getDataBuffer();
        ArrowBuf validity = out.getValidityBuffer();
        for (int i = 0; i < count; i++) {
            int group = firstGroup + i;
            if (!hasValue(group)) {
                continue;
            }
            Bits.set(validity, i);
            ArrowBuf chunk = slots.chunk(group);
            long at = slots.offset(group, VALUE);
            switch (physical) {
                case INT32 -> data.setInt((long) i << 2, chunk.getInt(at));
                case INT64, FLOAT64 -> data.setLong((long) i << 3, chunk.getLong(at));
                case DEC128 -> {
                    data.setLong((long) i << 4, chunk.getLong(at));
                    data.setLong(((long) i << 4) + 8, chunk.getLong(at + 8));
                }
                case BIT -> {
                    if (chunk.getInt(at) != 0) {
                        Bits.set(data, i);
                    } else {
                        Bits.clear(data, i);
                    }
                }
                default -> throw new IllegalStateException(physical.toString());
            }
        }
        return finish(out, count);
    }
}
