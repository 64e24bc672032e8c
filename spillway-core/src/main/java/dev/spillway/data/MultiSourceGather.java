package dev.spillway.data;

import dev.spillway.types.DataType;
import dev.spillway.types.TypeId;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Builds a column from rows picked out of several vectors of one type: row {@code r} of the result is row
 * {@code indexIn[r]} of {@code sources[sourceOf[r]]} (NULL when {@code sourceOf[r] < 0}). Sorting and merging
 * assemble every output column this way, so it works on raw addresses fetched once per source: the row
 * reads are random, and a per-row virtual call or bounds-checked buffer copy cost more than the read itself.
 */
public final class MultiSourceGather {
    private MultiSourceGather() {}

    public static FieldVector assemble(DataType type, FieldVector[] sources, int[] sourceOf, int[] indexIn, int rowCount, BufferAllocator allocator) {
        FieldVector out = type.id() == TypeId.VARCHAR ? Vectors.allocateVarchar("assembled", rowCount, (long) rowCount * 16, allocator)
                : Vectors.allocate(type, "assembled", rowCount, allocator);
        try {
            if (out instanceof NullVector) {
                out.setValueCount(rowCount);
                return out;
            }
            // Rows referenced per source (a source's value count is not always set by the code that filled it).
            int[] rowsUsed = new int[sources.length];
            boolean anyNull = false;
            for (int r = 0; r < rowCount; r++) {
                int s = sourceOf[r];
                if (s < 0) {
                    anyNull = true;
                } else if (indexIn[r] >= rowsUsed[s]) {
                    rowsUsed[s] = indexIn[r] + 1;
                }
            }
            long[] validity = new long[sources.length];
            for (int s = 0; s < sources.length; s++) {
                FieldVector source = sources[s];
                if (source instanceof NullVector) {
                    anyNull |= rowsUsed[s] > 0;
                } else if (rowsUsed[s] > 0 && Vectors.hasNulls(source, rowsUsed[s])) {
                    validity[s] = source.getValidityBuffer().memoryAddress();
                    anyNull = true;
                }
            }
            if (out instanceof VarCharVector strings) {
                gatherStrings(sources, sourceOf, indexIn, rowCount, strings);
            } else if (out instanceof BitVector bits) {
                for (int r = 0; r < rowCount; r++) {
                    int s = sourceOf[r];
                    if (s >= 0 && !(sources[s] instanceof NullVector) && ((BitVector) sources[s]).get(indexIn[r]) != 0) {
                        BitVectorHelper.setBit(bits.getDataBuffer(), r);
                    }
                }
            } else {
                gatherFixed(type.fixedWidth(), sources, sourceOf, indexIn, rowCount, out.getDataBuffer().memoryAddress());
            }
            ArrowBuf valid = out.getValidityBuffer();
            if (anyNull) {
                valid.setZero(0, valid.capacity());
                for (int r = 0; r < rowCount; r++) {
                    int s = sourceOf[r];
                    if (s >= 0 && !(sources[s] instanceof NullVector) && (validity[s] == 0 || isValid(validity[s], indexIn[r]))) {
                        BitVectorHelper.setBit(valid, r);
                    }
                }
            } else {
                Vectors.setAllValid(out, rowCount);
            }
            if (out instanceof VarCharVector strings) {
                strings.setLastSet(rowCount - 1);
            }
            out.setValueCount(rowCount);
            return out;
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }

    private static boolean isValid(long validityAddress, int row) {
        return (MemoryUtil.getByte(validityAddress + (row >>> 3)) >>> (row & 7) & 1) != 0;
    }

    private static long[] dataAddresses(FieldVector[] sources) {
        long[] addresses = new long[sources.length];
        for (int s = 0; s < sources.length; s++) {
            addresses[s] = sources[s] instanceof NullVector ? 0 : sources[s].getDataBuffer().memoryAddress();
        }
        return addresses;
    }

    /** Values only; a row from no source or a NULL-typed source leaves its (invalid) slot unwritten. */
    private static void gatherFixed(int width, FieldVector[] sources, int[] sourceOf, int[] indexIn, int rowCount, long out) {
        long[] data = dataAddresses(sources);
        switch (width) {
            case 4 -> {
                for (int r = 0; r < rowCount; r++) {
                    int s = sourceOf[r];
                    if (s >= 0 && data[s] != 0) {
                        MemoryUtil.putInt(out + ((long) r << 2), MemoryUtil.getInt(data[s] + ((long) indexIn[r] << 2)));
                    }
                }
            }
            case 8 -> {
                for (int r = 0; r < rowCount; r++) {
                    int s = sourceOf[r];
                    if (s >= 0 && data[s] != 0) {
                        MemoryUtil.putLong(out + ((long) r << 3), MemoryUtil.getLong(data[s] + ((long) indexIn[r] << 3)));
                    }
                }
            }
            default -> {
                for (int r = 0; r < rowCount; r++) {
                    int s = sourceOf[r];
                    if (s >= 0 && data[s] != 0) {
                        MemoryUtil.copyMemory(data[s] + (long) indexIn[r] * width, out + (long) r * width, width);
                    }
                }
            }
        }
    }

    /** Offsets and bytes; NULL rows get empty strings. The data buffer doubles when full, as setSafe would. */
    private static void gatherStrings(FieldVector[] sources, int[] sourceOf, int[] indexIn, int rowCount, VarCharVector out) {
        long[] data = dataAddresses(sources);
        long[] offsets = new long[sources.length];
        for (int s = 0; s < sources.length; s++) {
            offsets[s] = sources[s] instanceof NullVector ? 0 : sources[s].getOffsetBuffer().memoryAddress();
        }
        long outOffsets = out.getOffsetBuffer().memoryAddress();
        long outData = out.getDataBuffer().memoryAddress();
        long capacity = out.getDataBuffer().capacity();
        int position = 0;
        MemoryUtil.putInt(outOffsets, 0);
        for (int r = 0; r < rowCount; r++) {
            int s = sourceOf[r];
            if (s >= 0 && offsets[s] != 0) {
                long at = offsets[s] + ((long) indexIn[r] << 2);
                int begin = MemoryUtil.getInt(at);
                int length = MemoryUtil.getInt(at + 4) - begin;
                while (position + (long) length > capacity) {
                    out.reallocDataBuffer();
                    outData = out.getDataBuffer().memoryAddress();
                    capacity = out.getDataBuffer().capacity();
                }
                Vectors.copyShort(data[s] + begin, outData + position, length);
                position += length;
            }
            MemoryUtil.putInt(outOffsets + ((long) (r + 1) << 2), position);
        }
    }
}
