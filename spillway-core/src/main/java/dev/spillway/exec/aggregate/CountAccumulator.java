package dev.spillway.exec.aggregate;

import dev.spillway.exec.eval.Bits;
import dev.spillway.types.DataType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/** count(*) and count(x): a 64-bit counter per group; never NULL. */
final class CountAccumulator extends SlotAccumulator {
    private static final int COUNT = 8;

    CountAccumulator(BufferAllocator allocator) {
        super(allocator, 16);
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(DataType.BIGINT);
    }

    @Override
    public void update(int[] groups, int rows, FieldVector input) {
        if (input instanceof NullVector) {
            return;
        }
        ArrowBuf validity = input == null || !dev.spillway.data.Vectors.hasNulls(input, rows) ? null : input.getValidityBuffer();
        for (int i = 0; i < rows; i++) {
            if (validity == null || Bits.isSet(validity, i)) {
                long at = slots.address(groups[i]) + COUNT;
                org.apache.arrow.memory.util.MemoryUtil.putLong(at, org.apache.arrow.memory.util.MemoryUtil.getLong(at) + 1);
            }
        }
    }

    @Override
    public void combine(int[] groups, int rows, FieldVector[] states) {
        ArrowBuf counts = states[0].getDataBuffer();
        for (int i = 0; i < rows; i++) {
            slots.setLong(groups[i], COUNT, slots.getLong(groups[i], COUNT) + counts.getLong((long) i << 3));
        }
    }

    @Override
    public FieldVector[] emitState(int firstGroup, int count, BufferAllocator allocator) {
        return new FieldVector[] {emitFinal(firstGroup, count, allocator)};
    }

    @Override
    public FieldVector emitFinal(int firstGroup, int count, BufferAllocator allocator) {
        FieldVector out = newResult(DataType.BIGINT, count, allocator);
        ArrowBuf data = out.getDataBuffer();
        for (int i = 0; i < count; i++) {
            data.setLong((long) i << 3, slots.getLong(firstGroup + i, COUNT));
        }
        Bits.setAll(out.getValidityBuffer(), count);
        return finish(out, count);
    }
}
