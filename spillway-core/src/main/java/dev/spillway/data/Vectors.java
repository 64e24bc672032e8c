package dev.spillway.data;

import dev.spillway.types.ArrowTypes;
import dev.spillway.types.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
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

    /** A new empty vector of the given type with room for {@code capacity} values. */
    public static FieldVector allocate(DataType type, String name, int capacity, BufferAllocator allocator) {
        capacity = Math.max(capacity, MIN_CAPACITY);
        Field field = new Field(name, ArrowTypes.fieldType(type), null);
        FieldVector vector = field.createVector(allocator);
        if (vector instanceof NullVector) {
            return vector;
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
            BitVector out = (BitVector) target;
            for (int i = from; i < to; i++) {
                int row = rows[i];
                int dst = targetOffset + i - from;
                if (bits.isNull(row)) {
                    BitVectorHelper.unsetBit(out.getValidityBuffer(), dst);
                } else {
                    out.set(dst, bits.get(row));
                }
            }
            return;
        }
        if (source instanceof VarCharVector varchar) {
            gatherVarchar(varchar, rows, from, to, (VarCharVector) target, targetOffset);
            return;
        }
        BaseFixedWidthVector fixed = (BaseFixedWidthVector) source;
        BaseFixedWidthVector out = (BaseFixedWidthVector) target;
        ArrowBuf srcData = fixed.getDataBuffer();
        ArrowBuf dstData = out.getDataBuffer();
        ArrowBuf srcValid = fixed.getValidityBuffer();
        ArrowBuf dstValid = out.getValidityBuffer();
        int width = fixed.getTypeWidth();
        switch (width) {
            case 4 -> {
                for (int i = from; i < to; i++) {
                    dstData.setInt((long) (targetOffset + i - from) << 2, srcData.getInt((long) rows[i] << 2));
                }
            }
            case 8 -> {
                for (int i = from; i < to; i++) {
                    dstData.setLong((long) (targetOffset + i - from) << 3, srcData.getLong((long) rows[i] << 3));
                }
            }
            default -> {
                for (int i = from; i < to; i++) {
                    dstData.setBytes((long) (targetOffset + i - from) * width, srcData, (long) rows[i] * width, width);
                }
            }
        }
        copyValidity(srcValid, rows, from, to, dstValid, targetOffset);
    }

    private static void copyValidity(ArrowBuf srcValid, int[] rows, int from, int to, ArrowBuf dstValid, int targetOffset) {
        for (int i = from; i < to; i++) {
            int row = rows[i];
            int dst = targetOffset + i - from;
            int bit = (srcValid.getByte(row >>> 3) >>> (row & 7)) & 1;
            byte current = dstValid.getByte(dst >>> 3);
            int mask = 1 << (dst & 7);
            dstValid.setByte(dst >>> 3, bit != 0 ? (current | mask) : (current & ~mask));
        }
    }

    private static void gatherVarchar(VarCharVector source, int[] rows, int from, int to, VarCharVector target, int targetOffset) {
        ArrowBuf srcOffsets = source.getOffsetBuffer();
        ArrowBuf srcData = source.getDataBuffer();
        ArrowBuf srcValid = source.getValidityBuffer();
        long needed = 0;
        for (int i = from; i < to; i++) {
            int row = rows[i];
            needed += srcOffsets.getInt((long) (row + 1) << 2) - srcOffsets.getInt((long) row << 2);
        }
        int start = target.getOffsetBuffer().getInt((long) targetOffset << 2);
        while (target.getDataBuffer().capacity() < start + needed) {
            target.reallocDataBuffer();
        }
        while (target.getValueCapacity() < targetOffset + (to - from)) {
            target.reallocValidityAndOffsetBuffers();
        }
        ArrowBuf dstOffsets = target.getOffsetBuffer();
        ArrowBuf dstData = target.getDataBuffer();
        int position = start;
        for (int i = from; i < to; i++) {
            int row = rows[i];
            int begin = srcOffsets.getInt((long) row << 2);
            int length = srcOffsets.getInt((long) (row + 1) << 2) - begin;
            if (length > 0) {
                dstData.setBytes(position, srcData, begin, length);
            }
            position += length;
            dstOffsets.setInt((long) (targetOffset + i - from + 1) << 2, position);
        }
        copyValidity(srcValid, rows, from, to, target.getValidityBuffer(), targetOffset);
        target.setLastSet(targetOffset + (to - from) - 1);
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
        return BitVectorHelper.getNullCount(vector.getValidityBuffer(), rowCount) > 0;
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

    /**
     * Builds a vector of {@code rowCount} rows where row r is {@code sources[sourceOf[r]][indexIn[r]]},
     * or NULL when {@code sourceOf[r] < 0}.
     */
    public static FieldVector assemble(DataType type, FieldVector[] sources, int[] sourceOf, int[] indexIn, int rowCount, BufferAllocator allocator) {
        FieldVector out = allocate(type, "assembled", rowCount, allocator);
        try {
            if (out instanceof NullVector) {
                out.setValueCount(rowCount);
                return out;
            }
            ArrowBuf valid = out.getValidityBuffer();
            valid.setZero(0, valid.capacity());
            if (out instanceof VarCharVector) {
                VarCharVector strings = (VarCharVector) out;
                for (int r = 0; r < rowCount; r++) {
                    int s = sourceOf[r];
                    if (s < 0 || sources[s] instanceof NullVector || sources[s].isNull(indexIn[r])) {
                        strings.setNull(r);
                        continue;
                    }
                    VarCharVector source = (VarCharVector) sources[s];
                    int start = source.getStartOffset(indexIn[r]);
                    int length = source.getEndOffset(indexIn[r]) - start;
                    strings.setSafe(r, source.getDataBuffer().nioBuffer(start, length), 0, length);
                }
                strings.setValueCount(rowCount);
                return strings;
            }
            ArrowBuf data = out.getDataBuffer();
            int width = type.fixedWidth();
            for (int r = 0; r < rowCount; r++) {
                int s = sourceOf[r];
                if (s < 0 || sources[s] instanceof NullVector) {
                    continue;
                }
                int row = indexIn[r];
                FieldVector source = sources[s];
                if (BitVectorHelper.get(source.getValidityBuffer(), row) == 0) {
                    continue;
                }
                BitVectorHelper.setBit(valid, r);
                if (out instanceof BitVector bits) {
                    bits.set(r, ((BitVector) source).get(row));
                } else {
                    data.setBytes((long) r * width, source.getDataBuffer(), (long) row * width, width);
                }
            }
            out.setValueCount(rowCount);
            return out;
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }
}
