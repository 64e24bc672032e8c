package dev.spillway.exec.aggregate;

import dev.spillway.data.Vectors;
import dev.spillway.exec.eval.Bits;
import dev.spillway.exec.hash.ChunkedSlots;
import dev.spillway.types.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/** Base for accumulators keeping a fixed-width record per group; byte 0 of each record flags "has a value". */
abstract class SlotAccumulator implements Accumulator {
    static final int FLAG = 0;
    protected final ChunkedSlots slots;
    /** Groups made room for so far: every group number passed to update or combine is below it. */
    protected int groupCount;

    SlotAccumulator(BufferAllocator allocator, int width) {
        this.slots = new ChunkedSlots(allocator, width);
    }

    @Override
    public void ensureGroups(int groups) {
        slots.ensure(groups);
        groupCount = Math.max(groupCount, groups);
    }

    protected boolean hasValue(int group) {
        return slots.getByte(group, FLAG) != 0;
    }

    protected void markValue(int group) {
        slots.setByte(group, FLAG, (byte) 1);
    }

    protected static boolean valid(FieldVector vector, int row) {
        return !(vector instanceof NullVector) && Bits.isSet(vector.getValidityBuffer(), row);
    }

    /** A result vector with {@code count} rows, all NULL until set. */
    protected static FieldVector newResult(DataType type, int count, BufferAllocator allocator) {
        FieldVector vector = Vectors.allocate(type, "aggregate", count, allocator);
        if (!(vector instanceof NullVector)) {
            ArrowBuf validity = vector.getValidityBuffer();
            validity.setZero(0, validity.capacity());
        }
        return vector;
    }

    protected static FieldVector finish(FieldVector vector, int count) {
        vector.setValueCount(count);
        return vector;
    }

    @Override
    public long allocatedBytes() {
        return slots.allocatedBytes();
    }

    @Override
    public void close() {
        slots.close();
    }
}
