package dev.spillway.exec.aggregate;

import dev.spillway.data.Vectors;
import dev.spillway.exec.eval.Bits;
import dev.spillway.expr.AggregateFunction;
import dev.spillway.types.DataType;
import dev.spillway.types.Decimals;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.Types;

/**
 * stddev_samp, var_samp, stddev_pop, var_pop with Welford's online update (numerically stable) and
 * Chan's formula to merge partial states: (count, mean, sum of squared deviations).
 */
final class VarianceAccumulator extends SlotAccumulator {
    private static final int COUNT = 8;
    private static final int MEAN = 16;
    private static final int M2 = 24;

    private final AggregateFunction function;
    private final DataType inputType;
    private double[] scratch = new double[0];

    VarianceAccumulator(AggregateFunction function, DataType inputType, BufferAllocator allocator) {
        super(allocator, 32);
        this.function = function;
        this.inputType = inputType;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(DataType.BIGINT, DataType.DOUBLE, DataType.DOUBLE);
    }

    @Override
    public void update(int[] groups, int rows, FieldVector input) {
        if (input instanceof NullVector) {
            return;
        }
        double[] values = asDoubles(input, rows);
        ArrowBuf validity = Vectors.hasNulls(input, rows) ? input.getValidityBuffer() : null;
        for (int i = 0; i < rows; i++) {
            if (validity != null && !Bits.isSet(validity, i)) {
                continue;
            }
            double value = values[i];
            int group = groups[i];
            long n = slots.getLong(group, COUNT) + 1;
            double mean = slots.getDouble(group, MEAN);
            double delta = value - mean;
            mean += delta / n;
            slots.setLong(group, COUNT, n);
            slots.setDouble(group, MEAN, mean);
            slots.setDouble(group, M2, slots.getDouble(group, M2) + delta * (value - mean));
        }
    }

    /** The input as doubles, converted in one loop per type rather than a type test per row of the update. */
    private double[] asDoubles(FieldVector input, int rows) {
        if (scratch.length < rows) {
            scratch = new double[Math.max(rows, scratch.length * 2)];
        }
        double[] values = scratch;
        ArrowBuf data = input.getDataBuffer();
        if (input.getMinorType() == Types.MinorType.INT) {
            for (int i = 0; i < rows; i++) {
                values[i] = data.getInt((long) i << 2);
            }
        } else if (input instanceof BigIntVector) {
            double divisor = inputType.isDecimal() ? Decimals.longPowerOfTen(Math.min(18, inputType.scale())) : 1;
            for (int i = 0; i < rows; i++) {
                values[i] = data.getLong((long) i << 3) / divisor;
            }
        } else if (inputType.isWideDecimal()) {
            double divisor = Decimals.longPowerOfTen(Math.min(18, inputType.scale()));
            for (int i = 0; i < rows; i++) {
                values[i] = dev.spillway.data.Values.int128(data.getLong((long) i << 4), data.getLong(((long) i << 4) + 8)).doubleValue() / divisor;
            }
        } else {
            for (int i = 0; i < rows; i++) {
                values[i] = data.getDouble((long) i << 3);
            }
        }
        return values;
    }

    @Override
    public void combine(int[] groups, int rows, FieldVector[] states) {
        ArrowBuf counts = states[0].getDataBuffer();
        ArrowBuf means = states[1].getDataBuffer();
        ArrowBuf m2s = states[2].getDataBuffer();
        for (int i = 0; i < rows; i++) {
            long nb = counts.getLong((long) i << 3);
            if (nb == 0) {
                continue;
            }
            int group = groups[i];
            long na = slots.getLong(group, COUNT);
            double meanA = slots.getDouble(group, MEAN);
            double meanB = means.getDouble((long) i << 3);
            long n = na + nb;
            double delta = meanB - meanA;
            slots.setLong(group, COUNT, n);
            slots.setDouble(group, MEAN, meanA + delta * nb / n);
            slots.setDouble(group, M2, slots.getDouble(group, M2) + m2s.getDouble((long) i << 3) + delta * delta * na * nb / n);
        }
    }

    @Override
    public FieldVector[] emitState(int firstGroup, int count, BufferAllocator allocator) {
        FieldVector counts = newResult(DataType.BIGINT, count, allocator);
        FieldVector means = newResult(DataType.DOUBLE, count, allocator);
        FieldVector m2s = newResult(DataType.DOUBLE, count, allocator);
        for (int i = 0; i < count; i++) {
            int group = firstGroup + i;
            counts.getDataBuffer().setLong((long) i << 3, slots.getLong(group, COUNT));
            means.getDataBuffer().setDouble((long) i << 3, slots.getDouble(group, MEAN));
            m2s.getDataBuffer().setDouble((long) i << 3, slots.getDouble(group, M2));
        }
        for (FieldVector vector : new FieldVector[] {counts, means, m2s}) {
            Bits.setAll(vector.getValidityBuffer(), count);
            vector.setValueCount(count);
        }
        return new FieldVector[] {counts, means, m2s};
    }

    @Override
    public FieldVector emitFinal(int firstGroup, int count, BufferAllocator allocator) {
        FieldVector out = newResult(DataType.DOUBLE, count, allocator);
        boolean sample = function == AggregateFunction.STDDEV_SAMP || function == AggregateFunction.VAR_SAMP;
        boolean root = function == AggregateFunction.STDDEV_SAMP || function == AggregateFunction.STDDEV_POP;
        for (int i = 0; i < count; i++) {
            int group = firstGroup + i;
            long n = slots.getLong(group, COUNT);
            if (n == 0 || (sample && n < 2)) {
                continue;
            }
            double variance = slots.getDouble(group, M2) / (sample ? n - 1 : n);
            out.getDataBuffer().setDouble((long) i << 3, root ? Math.sqrt(variance) : variance);
            Bits.set(out.getValidityBuffer(), i);
        }
        return finish(out, count);
    }
}
