package dev.spillway.exec.aggregate;

import dev.spillway.data.Vectors;
import dev.spillway.exec.eval.Bits;
import dev.spillway.exec.eval.Strings;
import dev.spillway.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * min, max and any_value of VARCHAR. Each group's record points into an append-only off-heap arena of
 * string bytes; a new extreme is appended and the record repointed (the old bytes become garbage,
 * bounded by the input size).
 */
final class StringExtremeAccumulator extends SlotAccumulator {
    private static final int BLOCK = 8;
    private static final int POSITION = 12;
    private static final int LENGTH = 16;
    private static final int ARENA_BLOCK_BYTES = 1 << 20;

    private final ExtremeAccumulator.Mode mode;
    private final BufferAllocator allocator;
    private final List<ArrowBuf> arena = new ArrayList<>();
    private long arenaUsed;

    StringExtremeAccumulator(ExtremeAccumulator.Mode mode, BufferAllocator allocator) {
        super(allocator, 24);
        this.mode = mode;
        this.allocator = allocator;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(DataType.VARCHAR);
    }

    @Override
    public void update(int[] groups, int rows, FieldVector input) {
        if (input instanceof NullVector) {
            return;
        }
        VarCharVector strings = (VarCharVector) input;
        ArrowBuf offsets = strings.getOffsetBuffer();
        ArrowBuf data = strings.getDataBuffer();
        ArrowBuf validity = strings.getValidityBuffer();
        for (int i = 0; i < rows; i++) {
            if (!Bits.isSet(validity, i)) {
                continue;
            }
            int group = groups[i];
            boolean has = hasValue(group);
            if (has && mode == ExtremeAccumulator.Mode.FIRST) {
                continue;
            }
            int start = offsets.getInt((long) i << 2);
            int length = offsets.getInt((long) (i + 1) << 2) - start;
            if (has) {
                ArrowBuf block = arena.get(slots.getInt(group, BLOCK));
                int cmp = Strings.compare(data, start, length, block, slots.getInt(group, POSITION), slots.getInt(group, LENGTH));
                if (mode == ExtremeAccumulator.Mode.MIN ? cmp >= 0 : cmp <= 0) {
                    continue;
                }
            }
            store(group, data, start, length);
            markValue(group);
        }
    }

    private void store(int group, ArrowBuf data, int start, int length) {
        ArrowBuf block = arena.isEmpty() ? null : arena.get(arena.size() - 1);
        if (block == null || arenaUsed + length > block.capacity()) {
            block = allocator.buffer(Math.max(ARENA_BLOCK_BYTES, length));
            arena.add(block);
            arenaUsed = 0;
        }
        block.setBytes(arenaUsed, data, start, length);
        slots.setInt(group, BLOCK, arena.size() - 1);
        slots.setInt(group, POSITION, (int) arenaUsed);
        slots.setInt(group, LENGTH, length);
        arenaUsed += length;
    }

    @Override
    public void combine(int[] groups, int rows, FieldVector[] states) {
        update(groups, rows, states[0]);
    }

    @Override
    public FieldVector[] emitState(int firstGroup, int count, BufferAllocator target) {
        return new FieldVector[] {emitFinal(firstGroup, count, target)};
    }

    @Override
    public FieldVector emitFinal(int firstGroup, int count, BufferAllocator target) {
        VarCharVector out = Vectors.allocateVarchar("aggregate", count, (long) count * 16, target);
        try {
            for (int i = 0; i < count; i++) {
                int group = firstGroup + i;
                if (!hasValue(group)) {
                    out.setNull(i);
                    continue;
                }
                ArrowBuf block = arena.get(slots.getInt(group, BLOCK));
                int length = slots.getInt(group, LENGTH);
                out.setSafe(i, block.nioBuffer(slots.getInt(group, POSITION), length), 0, length);
            }
            out.setValueCount(count);
            return out;
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }

    @Override
    public long allocatedBytes() {
        long bytes = super.allocatedBytes();
        for (ArrowBuf block : arena) {
            bytes += block.capacity();
        }
        return bytes;
    }

    @Override
    public void close() {
        super.close();
        arena.forEach(ArrowBuf::close);
        arena.clear();
    }
}
