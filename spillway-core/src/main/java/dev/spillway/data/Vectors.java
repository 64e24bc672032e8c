package dev.spillway.data;

import dev.spillway.types.ArrowTypes;
import dev.spillway.types.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Allocation and bulk copies of Arrow vectors (gather by row index, slices). Kernels work on the raw
 * buffers: bounds checks are off in production (see the JVM flags), so callers keep indexes in range.
 */
public final class Vectors {
    private Vectors() {}

    /**
     * Smallest row capacity allocated, so that validity bitmaps span whole 64-bit words: kernels read
     * and write bitmaps a word at a time.
     */
    private static final int MIN_CAPACITY = 64;

    /**
     * A new empty vector of the given type with room for {@code capacity} values. Its validity bits are
     * cleared; the values of fixed-width types are not initialized (kernels overwrite them; Arrow's own
     * allocation would zero them, which costs as much as the kernel).
     */
    public static FieldVector allocate(DataType type, String name, int capacity, BufferAllocator allocator) {
        capacity = Math.max(capacity, MIN_CAPACITY);
        Field field = new Field(name, ArrowTypes.fieldType(type), null);
        FieldVector vector = field.createVector(allocator);
        if (vector instanceof NullVector) {
            return vector;
        }
        int width = type.fixedWidth();
        if (vector instanceof BaseFixedWidthVector && !(vector instanceof BitVector) && width > 1) {
            return withUninitializedValues(vector, capacity, width, allocator);
        }
        try {
            if (vector instanceof BaseVariableWidthVector variable) {
                variable.allocateNew(Math.max(capacity, 1) * 16L, Math.max(capacity, 1));
            } else {
                vector.setInitialCapacity(Math.max(capacity, 1));
                vector.allocateNew();
            }
        } catch (RuntimeException | Error e) {
            vector.close();
            throw e;
        }
        return vector;
    }

    private static FieldVector withUninitializedValues(FieldVector vector, int capacity, int width, BufferAllocator allocator) {
        long validityBytes = (((long) capacity + 63) >>> 6) << 3;
        ArrowBuf validity = null;
        ArrowBuf data = null;
        try {
            validity = allocator.buffer(validityBytes);
            validity.setZero(0, validity.capacity());
            data = allocator.buffer((long) capacity * width);
            // A node with some NULLs makes Arrow adopt our validity buffer instead of allocating its own.
            vector.loadFieldBuffers(new org.apache.arrow.vector.ipc.message.ArrowFieldNode(capacity, 1), java.util.List.of(validity, data));
            vector.setValueCount(0);
            return vector;
        } catch (RuntimeException | Error e) {
            vector.close();
            throw e;
        } finally {
            // The vector retained what it needs.
            if (validity != null) {
                validity.close();
            }
            if (data != null) {
                data.close();
            }
        }
    }

    /** A new varchar vector with room for {@code capacity} values and {@code dataBytes} bytes of text. */
    public static VarCharVector allocateVarchar(String name, int capacity, long dataBytes, BufferAllocator allocator) {
        capacity = Math.max(capacity, MIN_CAPACITY);
        VarCharVector vector = new VarCharVector(name, allocator);
        try {
            vector.allocateNew(Math.max(dataBytes, 1), Math.max(capacity, 1));
        } catch (RuntimeException | Error e) {
            vector.close();
            throw e;
        }
        return vector;
    }

    /** Bytes of off-heap memory the vector's buffers hold. */
    public static long allocatedBytes(FieldVector vector) {
        // Not getFieldBuffers() for strings: it "fills holes" up to the value count first, which on a vector being
        // filled with setSafe (value count still 0) resets lastSet and later rewrites every offset, so all strings
        // written so far become empty. Reading the sizes must not change the vector.
        if (vector instanceof BaseVariableWidthVector strings) {
            return strings.getValidityBuffer().capacity() + strings.getOffsetBuffer().capacity() + strings.getDataBuffer().capacity();
        }
        long bytes = 0;
        for (ArrowBuf buffer : vector.getFieldBuffers()) {
            if (buffer != null) {
                bytes += buffer.capacity();
            }
        }
        return bytes;
    }

    /** A vector sharing the same buffers (reference counted), so the source can be closed independently. */
    public static FieldVector share(FieldVector source, int rowCount, BufferAllocator allocator) {
        var pair = source.getTransferPair(allocator);
        pair.splitAndTransfer(0, rowCount);
        FieldVector result = (FieldVector) pair.getTo();
        result.setValueCount(rowCount);
        return result;
    }

    /** Copies rows {@code rows[0..count)} of {@code source} into a new vector. */
    public static FieldVector gather(FieldVector source, DataType type, int[] rows, int count, BufferAllocator allocator) {
        FieldVector target;
        if (source instanceof VarCharVector varchar) {
            long bytes = 0;
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                bytes += varchar.getEndOffset(row) - varchar.getStartOffset(row);
            }
            target = allocateVarchar(source.getName(), count, bytes, allocator);
        } else {
            target = allocate(type, source.getName(), count, allocator);
        }
        try {
            gatherInto(source, rows, 0, count, target, 0);
        } catch (RuntimeException | Error e) {
            target.close();
            throw e;
        }
        target.setValueCount(count);
        return target;
    }

    /**
     * Copies {@code source[rows[from..to)]} into {@code target} starting at {@code targetOffset}. The target
     * must have capacity for the fixed-width part; varchar data buffers grow as needed.
     */
    public static void gatherInto(FieldVector source, int[] rows, int from, int to, FieldVector target, int targetOffset) {
        if (source instanceof NullVector) {
            return;
        }
        if (source instanceof BitVector bits) {
            ArrowBuf in = bits.getDataBuffer();
            ArrowBuf out = ((BitVector) target).getDataBuffer();
            gatherBits(in, rows, from, to, out, targetOffset);
            copyValidity(source, rows, from, to, target.getValidityBuffer(), targetOffset);
            return;
        }
        if (source instanceof VarCharVector varchar) {
            gatherVarchar(varchar, rows, from, to, (VarCharVector) target, targetOffset);
            return;
        }
        BaseFixedWidthVector fixed = (BaseFixedWidthVector) source;
        long src = fixed.getDataBuffer().memoryAddress();
        long dst = ((BaseFixedWidthVector) target).getDataBuffer().memoryAddress();
        int width = fixed.getTypeWidth();
        switch (width) {
            case 4 -> {
                long out = dst + ((long) targetOffset << 2);
                for (int i = from; i < to; i++, out += 4) {
                    MemoryUtil.putInt(out, MemoryUtil.getInt(src + ((long) rows[i] << 2)));
                }
            }
            case 8 -> {
                long out = dst + ((long) targetOffset << 3);
                for (int i = from; i < to; i++, out += 8) {
                    MemoryUtil.putLong(out, MemoryUtil.getLong(src + ((long) rows[i] << 3)));
                }
            }
            case 16 -> {
                long out = dst + ((long) targetOffset << 4);
                for (int i = from; i < to; i++, out += 16) {
                    long at = src + ((long) rows[i] << 4);
                    MemoryUtil.putLong(out, MemoryUtil.getLong(at));
                    MemoryUtil.putLong(out + 8, MemoryUtil.getLong(at + 8));
                }
            }
            default -> {
                for (int i = from; i < to; i++) {
                    MemoryUtil.copyMemory(src + (long) rows[i] * width, dst + (long) (targetOffset + i - from) * width, width);
                }
            }
        }
        copyValidity(source, rows, from, to, target.getValidityBuffer(), targetOffset);
    }

    private static void gatherBits(ArrowBuf in, int[] rows, int from, int to, ArrowBuf out, int targetOffset) {
        for (int i = from; i < to; i++) {
            int row = rows[i];
            int dst = targetOffset + i - from;
            int bit = (in.getByte(row >>> 3) >>> (row & 7)) & 1;
            byte current = out.getByte(dst >>> 3);
            out.setByte(dst >>> 3, bit != 0 ? (current | (1 << (dst & 7))) : (current & ~(1 << (dst & 7))));
        }
    }

    /** Gathers validity bits, a 64-bit word at a time when the target range is word-aligned. */
    private static void copyValidity(FieldVector source, int[] rows, int from, int to, ArrowBuf dstValid, int targetOffset) {
        int count = to - from;
        if (!hasNulls(source, source.getValueCount() > 0 ? source.getValueCount() : maxRow(rows, from, to) + 1)) {
            setRange(dstValid, targetOffset, count);
            return;
        }
        ArrowBuf srcValid = source.getValidityBuffer();
        long srcAddress = srcValid.memoryAddress();
        int i = from;
        int dst = targetOffset;
        // Unaligned head bit by bit, then whole words.
        while (i < to && (dst & 63) != 0) {
            setBit(dstValid, dst++, bit(srcAddress, rows[i++]));
        }
        long dstAddress = dstValid.memoryAddress();
        while (to - i >= 64) {
            long word = 0;
            for (int b = 0; b < 64; b++) {
                word |= (long) bit(srcAddress, rows[i + b]) << b;
            }
            MemoryUtil.putLong(dstAddress + (dst >>> 3), word);
            i += 64;
            dst += 64;
        }
        while (i < to) {
            setBit(dstValid, dst++, bit(srcAddress, rows[i++]));
        }
    }

    private static int maxRow(int[] rows, int from, int to) {
        int max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, rows[i]);
        }
        return max;
    }

    private static int bit(long address, int row) {
        return (MemoryUtil.getByte(address + (row >>> 3)) >>> (row & 7)) & 1;
    }

    private static void setBit(ArrowBuf bits, int index, int value) {
        byte current = bits.getByte(index >>> 3);
        int mask = 1 << (index & 7);
        bits.setByte(index >>> 3, value != 0 ? (current | mask) : (current & ~mask));
    }

    /** Sets bits {@code [start, start + count)} of a validity buffer to 1. */
    public static void setRange(ArrowBuf bits, int start, int count) {
        int i = start;
        int end = start + count;
        while (i < end && (i & 7) != 0) {
            setBit(bits, i++, 1);
        }
        int fullBytes = (end - i) >>> 3;
        if (fullBytes > 0) {
            bits.setOne(i >>> 3, fullBytes);
            i += fullBytes << 3;
        }
        while (i < end) {
            setBit(bits, i++, 1);
        }
    }

    private static void gatherVarchar(VarCharVector source, int[] rows, int from, int to, VarCharVector target, int targetOffset) {
        long srcOffsets = source.getOffsetBuffer().memoryAddress();
        long needed = 0;
        for (int i = from; i < to; i++) {
            long at = srcOffsets + ((long) rows[i] << 2);
            needed += MemoryUtil.getInt(at + 4) - MemoryUtil.getInt(at);
        }
        int start = target.getOffsetBuffer().getInt((long) targetOffset << 2);
        while (target.getDataBuffer().capacity() < start + needed) {
            target.reallocDataBuffer();
        }
        while (target.getValueCapacity() < targetOffset + (to - from)) {
            target.reallocValidityAndOffsetBuffers();
        }
        long srcData = source.getDataBuffer().memoryAddress();
        long dstData = target.getDataBuffer().memoryAddress();
        long dstOffsets = target.getOffsetBuffer().memoryAddress() + ((long) (targetOffset + 1) << 2);
        int position = start;
        for (int i = from; i < to; i++, dstOffsets += 4) {
            long at = srcOffsets + ((long) rows[i] << 2);
            int begin = MemoryUtil.getInt(at);
            int length = MemoryUtil.getInt(at + 4) - begin;
            copyShort(srcData + begin, dstData + position, length);
            position += length;
            MemoryUtil.putInt(dstOffsets, position);
        }
        copyValidity(source, rows, from, to, target.getValidityBuffer(), targetOffset);
        target.setLastSet(targetOffset + (to - from) - 1);
    }

    /** Copies bytes; short strings (the common case) as whole words without a call into memcpy. */
    static void copyShort(long from, long to, int length) {
        if (length <= 16) {
            int i = 0;
            for (; i + 8 <= length; i += 8) {
                MemoryUtil.putLong(to + i, MemoryUtil.getLong(from + i));
            }
            for (; i < length; i++) {
                MemoryUtil.putByte(to + i, MemoryUtil.getByte(from + i));
            }
        } else {
            MemoryUtil.copyMemory(from, to, length);
        }
    }

    /** Like {@link #gather}, but a negative row index produces NULL (outer join padding). */
    public static FieldVector gatherNullable(FieldVector source, DataType type, int[] rows, int count, BufferAllocator allocator) {
        int[] present = new int[count];
        boolean anyNull = false;
        for (int i = 0; i < count; i++) {
            anyNull |= rows[i] < 0;
            present[i] = Math.max(rows[i], 0);
        }
        if (!anyNull) {
            return gather(source, type, rows, count, allocator);
        }
        FieldVector target;
        if (source.getValueCount() == 0 || source instanceof NullVector) {
            // Nothing to copy from: every row is padding.
            target = allocate(type, source.getName(), count, allocator);
            if (!(target instanceof NullVector)) {
                target.getValidityBuffer().setZero(0, target.getValidityBuffer().capacity());
            }
            target.setValueCount(count);
            return target;
        }
        target = gather(source, type, present, count, allocator);
        for (int i = 0; i < count; i++) {
            if (rows[i] < 0) {
                BitVectorHelper.unsetBit(target.getValidityBuffer(), i);
            }
        }
        return target;
    }

    /** Copies rows {@code [start, start+length)} into a new vector. */
    public static FieldVector slice(FieldVector source, DataType type, int start, int length, BufferAllocator allocator) {
        int[] rows = new int[length];
        for (int i = 0; i < length; i++) {
            rows[i] = start + i;
        }
        return gather(source, type, rows, length, allocator);
    }

    /** True when the vector has at least one null in {@code [0, rowCount)}. */
    public static boolean hasNulls(FieldVector vector, int rowCount) {
        if (vector instanceof NullVector) {
            return rowCount > 0;
        }
        // Called per column per batch by every operator: a word at a time, stopping at the first NULL
        // (Arrow's getNullCount counts every bit of every byte).
        ArrowBuf validity = vector.getValidityBuffer();
        long address = validity.memoryAddress();
        int fullWords = rowCount >>> 6;
        for (int w = 0; w < fullWords; w++) {
            if (MemoryUtil.getLong(address + ((long) w << 3)) != -1L) {
                return true;
            }
        }
        for (int row = fullWords << 6; row < rowCount; row++) {
            if ((validity.getByte(row >>> 3) >>> (row & 7) & 1) == 0) {
                return true;
            }
        }
        return false;
    }

    /** Marks all of {@code [0, rowCount)} valid. */
    public static void setAllValid(FieldVector vector, int rowCount) {
        ArrowBuf validity = vector.getValidityBuffer();
        int fullBytes = rowCount >>> 3;
        validity.setOne(0, fullBytes);
        for (int i = fullBytes << 3; i < rowCount; i++) {
            BitVectorHelper.setBit(validity, i);
        }
    }
}
