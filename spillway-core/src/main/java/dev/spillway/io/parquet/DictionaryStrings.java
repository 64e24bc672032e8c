package dev.spillway.io.parquet;

import dev.spillway.data.LazyColumn;
import dev.spillway.data.Vectors;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * A string column of one batch read from dictionary pages, kept as the rows' dictionary codes: the strings
 * are copied out of the dictionary only if an operator asks for the vector. It holds a reference to the
 * dictionary's buffers and to the codes, so both outlive the reader and the batch's other owners.
 */
final class DictionaryStrings implements LazyColumn {
    private final String name;
    private final BufferAllocator allocator;
    private final ArrowBuf offsets;
    private final ArrowBuf data;
    private ArrowBuf codes;

    /** Takes a reference to the dictionary's buffers and to {@code codes}; {@code allocator} makes the vector. */
    DictionaryStrings(FieldVector dictionary, ArrowBuf codes, String name, BufferAllocator allocator) {
        this.name = name;
        this.allocator = allocator;
        this.offsets = retain(dictionary.getOffsetBuffer());
        this.data = retain(dictionary.getDataBuffer());
        this.codes = retain(codes);
    }

    private static ArrowBuf retain(ArrowBuf buffer) {
        buffer.getReferenceManager().retain();
        return buffer;
    }

    @Override
    public FieldVector materialize(int rows) {
        long address = codes.memoryAddress();
        long bytes = textBytes(offsets, address, 0, rows, 0);
        VarCharVector out = Vectors.allocateVarchar(name, rows, bytes + ShortCopy.PADDING, allocator);
        try {
            out.getValidityBuffer().setZero(0, (rows + 7) >>> 3);
            out.getOffsetBuffer().setInt(0, 0);
            copy(offsets, data, address, 0, rows, out);
            out.setLastSet(rows - 1);
            return out;
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
    }

    /**
     * Copies the entries named by rows {@code [from, to)} of the codes at {@code codesAddress} into the same rows of
     * {@code out}, whose offset of row {@code from} is set; code -1 is NULL.
     */
    static void copy(FieldVector dictionary, long codesAddress, int from, int to, BaseVariableWidthVector out) {
        ArrowBuf sourceOffsets = dictionary.getOffsetBuffer();
        long bytes = textBytes(sourceOffsets, codesAddress, from, to, out.getOffsetBuffer().getInt((long) from << 2));
        VarWidthOutput.ensureData(out, bytes);
        copy(sourceOffsets, dictionary.getDataBuffer(), codesAddress, from, to, out);
    }

    /** {@code start} plus the bytes of the entries named by rows {@code [from, to)} of the codes. */
    private static long textBytes(ArrowBuf sourceOffsets, long codesAddress, int from, int to, long start) {
        long bytes = start;
        for (int i = from; i < to; i++) {
            int code = MemoryUtil.getInt(codesAddress + ((long) i << 2));
            if (code >= 0) {
                bytes += sourceOffsets.getInt(((long) code << 2) + 4) - sourceOffsets.getInt((long) code << 2);
            }
        }
        if (bytes > Integer.MAX_VALUE) {
            throw new ParquetDataException("more than 2 GB of text in one batch; lower the batch size");
        }
        return bytes;
    }

    /** The copy itself: {@code out}'s data buffer has room for every entry. */
    private static void copy(ArrowBuf sourceOffsets, ArrowBuf sourceData, long codesAddress, int from, int to, BaseVariableWidthVector out) {
        ArrowBuf targetOffsets = out.getOffsetBuffer();
        ArrowBuf targetData = out.getDataBuffer();
        ArrowBuf targetValidity = out.getValidityBuffer();
        int offset = targetOffsets.getInt((long) from << 2);
        for (int i = from; i < to; i++) {
            int code = MemoryUtil.getInt(codesAddress + ((long) i << 2));
            if (code >= 0) {
                int start = sourceOffsets.getInt((long) code << 2);
                int length = sourceOffsets.getInt(((long) code << 2) + 4) - start;
                ShortCopy.copy(sourceData, start, targetData, offset, length);
                offset += length;
                targetValidity.setByte(i >>> 3, targetValidity.getByte(i >>> 3) | (1 << (i & 7)));
            }
            targetOffsets.setInt((long) (i + 1) << 2, offset);
        }
    }

    @Override
    public void close() {
        if (codes != null) {
            offsets.close();
            data.close();
            codes.close();
            codes = null;
        }
    }
}
