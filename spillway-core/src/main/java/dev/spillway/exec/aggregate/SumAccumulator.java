package dev.spillway.exec.aggregate;

import dev.spillway.errors.SpillwayException;
import dev.spillway.exec.eval.Bits;
import dev.spillway.types.DataType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * sum(x): NULL for a group without non-NULL input. Integers sum into a checked BIGINT, doubles into a
 * double, decimals into 128 bits (DECIMAL(38, s)), so a sum of DECIMAL(15,2) over billions of rows is exact.
 */
final class SumAccumulator extends SlotAccumulator {
    private static final int LOW = 8;
    private static final int HIGH = 16;

    private enum Kind { LONG, DOUBLE, DECIMAL }

    private final Kind kind;
    private final DataType resultType;

    SumAccumulator(DataType inputType, DataType resultType, BufferAllocator allocator) {
        super(allocator, 24);
        this.resultType = resultType;
        this.kind = switch (inputType.id()) {
            case INTEGER, BIGINT -> Kind.LONG;
            case DOUBLE -> Kind.DOUBLE;
            case DECIMAL -> Kind.DECIMAL;
            default -> throw new IllegalArgumentException("sum of " + inputType);
        };
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(resultType);
    }

    @Override
    public void update(int[] groups, int rows, FieldVector input) {
        if (input instanceof NullVector) {
            return;
        }
        ArrowBuf validity = input.getValidityBuffer();
        ArrowBuf data = input.getDataBuffer();
        boolean ints = input.getMinorType() == org.apache.arrow.vector.types.Types.MinorType.INT;
        boolean wide = !(input instanceof BigIntVector) && kind == Kind.DECIMAL;
        for (int i = 0; i < rows; i++) {
            if (!Bits.isSet(validity, i)) {
                continue;
            }
            int group = groups[i];
            switch (kind) {
                case LONG -> addLong(group, ints ? data.getInt((long) i << 2) : data.getLong((long) i << 3));
                case DOUBLE -> slots.setDouble(group, LOW, slots.getDouble(group, LOW) + data.getDouble((long) i << 3));
                case DECIMAL -> {
                    long low = wide ? data.getLong((long) i << 4) : data.getLong((long) i << 3);
                    long high = wide ? data.getLong(((long) i << 4) + 8) : low >> 63;
                    addWide(group, high, low);
                }
            }
            markValue(group);
        }
    }

    private void addLong(int group, long value) {
        long sum = slots.getLong(group, LOW);
        long result = sum + value;
        if (((sum ^ result) & (value ^ result)) < 0) {
            throw SpillwayException.userError("overflow in sum: the total exceeds the BIGINT range; cast the argument to DECIMAL(38,0) or DOUBLE");
        }
        slots.setLong(group, LOW, result);
    }

    private void addWide(int group, long high, long low) {
        long sumLow = slots.getLong(group, LOW);
        long sumHigh = slots.getLong(group, HIGH);
        long newLow = sumLow + low;
        long carry = Long.compareUnsigned(newLow, sumLow) < 0 ? 1 : 0;
        long newHigh = sumHigh + high + carry;
        if (((sumHigh ^ newHigh) & (high ^ newHigh)) < 0) {
            throw SpillwayException.userError("overflow in sum of %s", resultType);
        }
        slots.setLong(group, LOW, newLow);
        slots.setLong(group, HIGH, newHigh);
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
        FieldVector out = newResult(resultType, count, allocator);
        ArrowBuf data = out.getDataBuffer();
        ArrowBuf validity = out.getValidityBuffer();
        for (int i = 0; i < count; i++) {
            int group = firstGroup + i;
            if (!hasValue(group)) {
                continue;
            }
            Bits.set(validity, i);
            switch (kind) {
                case LONG -> data.setLong((long) i << 3, slots.getLong(group, LOW));
                case DOUBLE -> data.setDouble((long) i << 3, slots.getDouble(group, LOW));
                case DECIMAL -> {
                    data.setLong((long) i << 4, slots.getLong(group, LOW));
                    data.setLong(((long) i << 4) + 8, slots.getLong(group, HIGH));
                }
            }
        }
        return finish(out, count);
    }
}
