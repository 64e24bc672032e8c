package dev.spillway.exec.aggregate;

import dev.spillway.errors.SpillwayException;
import dev.spillway.exec.eval.Bits;
import dev.spillway.types.DataType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import dev.spillway.data.Vectors;
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
    private final BatchGroupSums batch = new BatchGroupSums();

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
        ArrowBuf validity = Vectors.hasNulls(input, rows) ? input.getValidityBuffer() : null;
        long data = input.getDataBuffer().memoryAddress();
        boolean ints = input.getMinorType() == org.apache.arrow.vector.types.Types.MinorType.INT;
        boolean wide = !(input instanceof BigIntVector) && kind == Kind.DECIMAL;
        // One loop per input layout; the flag byte marks groups that saw a non-NULL value.
        switch (kind) {
            case LONG -> {
                if (ints && BatchGroupSums.pays(groupCount, rows)) {
                    sumFewGroups(groups, rows, data, validity);
                    return;
                }
                for (int i = 0; i < rows; i++) {
                    if (validity == null || Bits.isSet(validity, i)) {
                        long value = ints ? MemoryUtil.getInt(data + ((long) i << 2)) : MemoryUtil.getLong(data + ((long) i << 3));
                        addLong(groups[i], value);
                    }
                }
            }
            case DOUBLE -> {
                for (int i = 0; i < rows; i++) {
                    if (validity == null || Bits.isSet(validity, i)) {
                        long at = slots.address(groups[i]);
                        MemoryUtil.putLong(at + LOW, Double.doubleToRawLongBits(Double.longBitsToDouble(MemoryUtil.getLong(at + LOW)) + Double.longBitsToDouble(MemoryUtil.getLong(data + ((long) i << 3)))));
                        MemoryUtil.putByte(at, (byte) 1);
                    }
                }
            }
            case DECIMAL -> {
                for (int i = 0; i < rows; i++) {
                    if (validity == null || Bits.isSet(validity, i)) {
                        long low = wide ? MemoryUtil.getLong(data + ((long) i << 4)) : MemoryUtil.getLong(data + ((long) i << 3));
                        long high = wide ? MemoryUtil.getLong(data + ((long) i << 4) + 8) : low >> 63;
                        addWide(groups[i], high, low);
                    }
                }
            }
        }
    }

    /** Few groups, many rows: the batch is summed per group first (see BatchGroupSums), then each slot once. */
    private void sumFewGroups(int[] groups, int rows, long data, ArrowBuf validity) {
        batch.addInts(groups, rows, data, validity, groupCount);
        for (int group = 0; group < groupCount; group++) {
            if (batch.count(group) != 0) {
                addLong(group, batch.sum(group));
            }
        }
        batch.clear(groupCount);
    }

    private void addLong(int group, long value) {
        long at = slots.address(group);
        long sum = MemoryUtil.getLong(at + LOW);
        long result = sum + value;
        if (((sum ^ result) & (value ^ result)) < 0) {
            throw SpillwayException.userError("overflow in sum: the total exceeds the BIGINT range; cast the argument to DECIMAL(38,0) or DOUBLE");
        }
        MemoryUtil.putLong(at + LOW, result);
        MemoryUtil.putByte(at, (byte) 1);
    }

    private void addWide(int group, long high, long low) {
        long at = slots.address(group);
        long sumLow = MemoryUtil.getLong(at + LOW);
        long sumHigh = MemoryUtil.getLong(at + HIGH);
        long newLow = sumLow + low;
        long carry = Long.compareUnsigned(newLow, sumLow) < 0 ? 1 : 0;
        long newHigh = sumHigh + high + carry;
        if (((sumHigh ^ newHigh) & (high ^ newHigh)) < 0) {
            throw SpillwayException.userError("overflow in sum of %s", resultType);
        }
        MemoryUtil.putLong(at + LOW, newLow);
        MemoryUtil.putLong(at + HIGH, newHigh);
        MemoryUtil.putByte(at, (byte) 1);
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
