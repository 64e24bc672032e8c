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
 * Builds columns from rows picked out of several vectors of one type: row {@code r} of a result is row
 * {@code indexIn[r]} of {@code sources[sourceOf[r]]} (NULL when {@code sourceOf[r] < 0}). Sorting and merging
 * assemble every output column this way, so it works on raw addresses fetched once per set of sources (a sort
 * builds hundreds of output batches from the same input batches): the row reads are random, and a per-row
 * virtual call, bounds-checked copy or re-scan of a source's validity costs more than the read itself.
 */
public final class MultiSourceGather {
    private final DataType type;
    private final FieldVector[] sources;
    private final long[] data;
    private final long[] offsets;
    /** Validity address of each source that has NULLs, else 0 (all valid). */
    private final long[] validity;
    private final boolean[] allNull;
    private final boolean anyNull;
    /** Per string row of a gather: where its bytes are and how many; kept between the gathers of one sort. */
    private long[] stringAddresses = new long[0];
    private int[] stringLengths = new int[0];

    /** @param rows how many rows of each source may be picked (its row count) */
    public MultiSourceGather(DataType type, FieldVector[] sources, int[] rows) {
        this.type = type;
        this.sources = sources;
        this.data = new long[sources.length];
        this.offsets = new long[sources.length];
        this.validity = new long[sources.length];
        this.allNull = new boolean[sources.length];
        boolean nulls = false;
        for (int s = 0; s < sources.length; s++) {
            FieldVector source = sources[s];
            if (source instanceof NullVector) {
                allNull[s] = true;
                nulls |= rows[s] > 0;
                continue;
            }
            data[s] = source.getDataBuffer().memoryAddress();
            if (rows[s] > 0 && Vectors.hasNulls(source, rows[s])) {
                validity[s] = source.getValidityBuffer().memoryAddress();
                nulls = true;
            }
            if (source instanceof VarCharVector) {
                offsets[s] = source.getOffsetBuffer().memoryAddress();
            }
        }
        this.anyNull = nulls;
    }

    /** One-off use: the rows of each source are those {@code indexIn} refers to. */
    public static FieldVector assemble(DataType type, FieldVector[] sources, int[] sourceOf, int[] indexIn, int rowCount, BufferAllocator allocator) {
        int[] rowsUsed = new int[sources.length];
        for (int r = 0; r < rowCount; r++) {
            int s = sourceOf[r];
            if (s >= 0 && indexIn[r] >= rowsUsed[s]) {
                rowsUsed[s] = indexIn[r] + 1;
            }
        }
        return new MultiSourceGather(type, sources, rowsUsed).gather(sourceOf, indexIn, rowCount, allocator);
    }

    public FieldVector gather(int[] sourceOf, int[] indexIn, int rowCount, BufferAllocator allocator) {
        FieldVector out = type.id() == TypeId.VARCHAR ? gatherStrings(sourceOf, indexIn, rowCount, allocator)
                : Vectors.allocate(type, "assembled", rowCount, allocator);
        try {
            if (out instanceof NullVector) {
                out.setValueCount(rowCount);
                return out;
            }
            if (out instanceof BitVector bits) {
                for (int r = 0; r < rowCount; r++) {
                    int s = sourceOf[r];
                    if (s >= 0 && !allNull[s] && ((BitVector) sources[s]).get(indexIn[r]) != 0) {
                        BitVectorHelper.setBit(bits.getDataBuffer(), r);
                    }
                }
            } else if (!(out instanceof VarCharVector)) {
                gatherFixed(type.fixedWidth(), sourceOf, indexIn, rowCount, out.getDataBuffer().memoryAddress());
            }
            setValidity(sourceOf, indexIn, rowCount, out);
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

    private void setValidity(int[] sourceOf, int[] indexIn, int rowCount, FieldVector out) {
        boolean padded = false;
        for (int r = 0; r < rowCount && !padded && !anyNull; r++) {
            padded = sourceOf[r] < 0;
        }
        if (!anyNull && !padded) {
            Vectors.setAllValid(out, rowCount);
            return;
        }
        ArrowBuf valid = out.getValidityBuffer();
        valid.setZero(0, valid.capacity());
        for (int r = 0; r < rowCount; r++) {
            int s = sourceOf[r];
            if (s >= 0 && !allNull[s] && (validity[s] == 0 || isValid(validity[s], indexIn[r]))) {
                BitVectorHelper.setBit(valid, r);
            }
        }
    }

    private static boolean isValid(long validityAddress, int row) {
        return (MemoryUtil.getByte(validityAddress + (row >>> 3)) >>> (row & 7) & 1) != 0;
    }

    /** Values only; a row from no source or a NULL-typed source leaves its (invalid) slot unwritten. */
    private void gatherFixed(int width, int[] sourceOf, int[] indexIn, int rowCount, long out) {
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

    /**
     * Offsets and bytes; NULL rows get empty strings. Two passes: first every row's source address and length
     * (independent loads, so the CPU overlaps their cache misses), then the copies into a buffer of the exact size,
     * whose destinations depend on the lengths before them.
     */
    private VarCharVector gatherStrings(int[] sourceOf, int[] indexIn, int rowCount, BufferAllocator allocator) {
        if (stringLengths.length < rowCount) {
            stringAddresses = new long[rowCount];
            stringLengths = new int[rowCount];
        }
        long[] from = stringAddresses;
        int[] lengths = stringLengths;
        long total = 0;
        for (int r = 0; r < rowCount; r++) {
            int s = sourceOf[r];
            lengths[r] = 0;
            if (s >= 0 && offsets[s] != 0) {
                long at = offsets[s] + ((long) indexIn[r] << 2);
                int begin = MemoryUtil.getInt(at);
                int length = MemoryUtil.getInt(at + 4) - begin;
                from[r] = data[s] + begin;
                lengths[r] = length;
                total += length;
            }
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalStateException("a batch of " + rowCount + " strings holds " + total + " bytes, over the 2 GiB a string column can");
        }
        VarCharVector out = Vectors.allocateVarchar("assembled", rowCount, total, allocator);
        long outOffsets = out.getOffsetBuffer().memoryAddress();
        long outData = out.getDataBuffer().memoryAddress();
        int position = 0;
        MemoryUtil.putInt(outOffsets, 0);
        for (int r = 0; r < rowCount; r++) {
            Vectors.copyShort(from[r], outData + position, lengths[r]);
            position += lengths[r];
            MemoryUtil.putInt(outOffsets + ((long) (r + 1) << 2), position);
        }
        return out;
    }
}
