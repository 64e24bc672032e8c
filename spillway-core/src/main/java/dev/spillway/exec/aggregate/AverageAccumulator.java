package dev.spillway.exec.aggregate;

import dev.spillway.data.Values;
import dev.spillway.exec.eval.Bits;
import dev.spillway.types.DataType;
import dev.spillway.types.Decimals;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.Types;

/**
 * avg(x) as DOUBLE: doubles keep a double sum, exact numbers a 128-bit sum (so the average of integers
 * or decimals is not disturbed by rounding until the final division), plus a count.
 */
final class AverageAccumulator extends SlotAccumulator {
    private static final int LOW = 8;
    private static final int HIGH = 16;
    private static final int COUNT = 24;

    private final boolean exact;
    private final int scale;
    private final DataType sumType;
    private final BatchGroupSums batch = new BatchGroupSums();

    AverageAccumulator(DataType inputType, BufferAllocator allocator) {
        super(allocator, 32);
        this.exact = inputType.id() != dev.spillway.types.TypeId.DOUBLE;
        this.scale = inputType.isDecimal() ? inputType.scale() : 0;
        this.sumType = exact ? DataType.decimal(DataType.MAX_DECIMAL_PRECISION, scale) : DataType.DOUBLE;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(sumType, DataType.BIGINT);
    }

    @Override
    public void update(int[] groups, int rows, FieldVector input) {
        if (input instanceof NullVector) {
            return;
        }
        ArrowBuf validity = dev.spillway.data.Vectors.hasNulls(input, rows) ? input.getValidityBuffer() : null;
        long data = input.getDataBuffer().memoryAddress();
        boolean ints = input.getMinorType() == Types.MinorType.INT;
        boolean longs = input instanceof BigIntVector;
        if ((ints || !exact) && BatchGroupSums.pays(groupCount, rows)) {
            averageFewGroups(groups, rows, data, validity, ints);
            return;
        }
        for (int i = 0; i < rows; i++) {
            if (validity != null && !Bits.isSet(validity, i)) {
                continue;
            }
            long at = slots.address(groups[i]);
            if (!exact) {
                MemoryUtil.putLong(at + LOW, Double.doubleToRawLongBits(Double.longBitsToDouble(MemoryUtil.getLong(at + LOW)) + Double.longBitsToDouble(MemoryUtil.getLong(data + ((long) i << 3)))));
            } else {
                long low;
                long high;
                if (ints) {
                    low = MemoryUtil.getInt(data + ((long) i << 2));
                    high = low >> 63;
                } else if (longs) {
                    low = MemoryUtil.getLong(data + ((long) i << 3));
                    high = low >> 63;
                } else {
                    low = MemoryUtil.getLong(data + ((long) i << 4));
                    high = MemoryUtil.getLong(data + ((long) i << 4) + 8);
                }
                long sumLow = MemoryUtil.getLong(at + LOW);
                long newLow = sumLow + low;
                MemoryUtil.putLong(at + LOW, newLow);
                MemoryUtil.putLong(at + HIGH, MemoryUtil.getLong(at + HIGH) + high + (Long.compareUnsigned(newLow, sumLow) < 0 ? 1 : 0));
            }
            MemoryUtil.putLong(at + COUNT, MemoryUtil.getLong(at + COUNT) + 1);
        }
    }

    /** Few groups, many rows (32-bit integers or doubles): summed per group first (see BatchGroupSums), then each slot once. */
    private void averageFewGroups(int[] groups, int rows, long data, ArrowBuf validity, boolean ints) {
        if (ints) {
            batch.addInts(groups, rows, data, validity, groupCount);
        } else {
            batch.addDoubles(groups, rows, data, validity, groupCount);
        }
        for (int group = 0; group < groupCount; group++) {
            int count = batch.count(group);
            if (count == 0) {
                continue;
            }
            if (ints) {
                long sum = batch.sum(group);
                addWide(group, sum >> 63, sum);
            } else {
                slots.setDouble(group, LOW, slots.getDouble(group, LOW) + batch.doubleSum(group));
            }
            slots.setLong(group, COUNT, slots.getLong(group, COUNT) + count);
        }
        batch.clear(groupCount);
    }

    private void addWide(int group, long high, long low) {
        long at = slots.address(group);
        long sumLow = MemoryUtil.getLong(at + LOW);
        long newLow = sumLow + low;
        MemoryUtil.putLong(at + LOW, newLow);
        MemoryUtil.putLong(at + HIGH, MemoryUtil.getLong(at + HIGH) + high + (Long.compareUnsigned(newLow, sumLow) < 0 ? 1 : 0));
    }

    @Override
    public void combine(int[] groups, int rows, FieldVector[] states) {
        ArrowBuf sums = states[0].getDataBuffer();
        ArrowBuf sumValid = states[0].getValidityBuffer();
        ArrowBuf counts = states[1].getDataBuffer();
        for (int i = 0; i < rows; i++) {
            long count = counts.getLong((long) i << 3);
            if (count == 0 || !Bits.isSet(sumValid, i)) {
                continue;
            }
            int group = groups[i];
            if (exact) {
                addWide(group, sums.getLong(((long) i << 4) + 8), sums.getLong((long) i << 4));
            } else {
                slots.setDouble(group, LOW, slots.getDouble(group, LOW) + sums.getDouble((long) i << 3));
            }
            slots.setLong(group, COUNT, slots.getLong(group, COUNT) + count);
        }
    }

    @Override
    public FieldVector[] emitState(int firstGroup, int count, BufferAllocator allocator) {
        FieldVector sums = newResult(sumType, count, allocator);
        FieldVector counts = newResult(DataType.BIGINT, count, allocator);
        for (int i = 0; i < count; i++) {
            int group = firstGroup + i;
            if (exact) {
                sums.getDataBuffer().setLong((long) i << 4, slots.getLong(group, LOW));
                sums.getDataBuffer().setLong(((long) i << 4) + 8, slots.getLong(group, HIGH));
            } else {
                sums.getDataBuffer().setDouble((long) i << 3, slots.getDouble(group, LOW));
            }
            counts.getDataBuffer().setLong((long) i << 3, slots.getLong(group, COUNT));
        }
        Bits.setAll(sums.getValidityBuffer(), count);
        Bits.setAll(counts.getValidityBuffer(), count);
        return new FieldVector[] {finish(sums, count), finish(counts, count)};
    }

    @Override
    public FieldVector emitFinal(int firstGroup, int count, BufferAllocator allocator) {
        FieldVector out = newResult(DataType.DOUBLE, count, allocator);
        ArrowBuf data = out.getDataBuffer();
        ArrowBuf validity = out.getValidityBuffer();
        double divisor = scale == 0 ? 1 : Decimals.longPowerOfTen(Math.min(scale, 18)) * (scale > 18 ? Math.pow(10, scale - 18) : 1);
        for (int i = 0; i < count; i++) {
            int group = firstGroup + i;
            long n = slots.getLong(group, COUNT);
            if (n == 0) {
                continue;
            }
            double sum;
            if (exact) {
                long low = slots.getLong(group, LOW);
                long high = slots.getLong(group, HIGH);
                sum = high == (low >> 63) ? (double) low : Values.int128(low, high).doubleValue();
            } else {
                sum = slots.getDouble(group, LOW);
            }
            data.setDouble((long) i << 3, sum / n / divisor);
            Bits.set(validity, i);
        }
        return finish(out, count);
    }
}
