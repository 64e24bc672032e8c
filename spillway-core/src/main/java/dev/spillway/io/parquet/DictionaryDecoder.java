package dev.spillway.io.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * RLE_DICTIONARY / PLAIN_DICTIONARY data pages: a bit width byte, then dictionary indices in the hybrid
 * RLE / bit-packed encoding. The dictionary page was decoded once per column chunk into a vector of the
 * target type (conversions included), so each value is a copy of a dictionary entry.
 */
final class DictionaryDecoder implements ValuesDecoder {
    private static final int CHUNK = 1024;

    private final FieldVector dictionary;
    private final int dictionarySize;
    private final int width;
    private final HybridRleDecoder indexes;
    private final int[] chunk;
    private final boolean everyIndexValid;
    /** Where each output row's index goes when the reader keeps them (see DictionaryCodes), else null. */
    private ArrowBuf codes;

    /**
     * @param scratch a reusable index buffer of at least {@value #CHUNK} entries
     */
    DictionaryDecoder(FieldVector dictionary, int width, ArrowBuf page, long start, long end, int[] scratch) {
        if (start >= end) {
            throw new ParquetDataException("dictionary-encoded page without data");
        }
        int bitWidth = page.getByte(start) & 0xFF;
        if (bitWidth > 32) {
            throw new ParquetDataException("invalid dictionary index bit width " + bitWidth);
        }
        this.dictionary = dictionary;
        this.dictionarySize = dictionary.getValueCount();
        this.width = width;
        this.indexes = new HybridRleDecoder(page, start + 1, end, bitWidth);
        // When the dictionary has an entry for every index the bit width can express, no index needs checking.
        this.everyIndexValid = bitWidth < 31 && (1 << bitWidth) <= dictionarySize;
        this.chunk = scratch;
    }

    /** From now on also writes each row's dictionary index to {@code target} (4 bytes per output row); null stops. */
    void recordCodes(ArrowBuf target) {
        this.codes = target;
    }

    static int[] newScratch() {
        return new int[CHUNK];
    }

    /** As the interface says; with a null {@code out} only the codes are recorded (see {@link #recordCodes}). */
    @Override
    public void read(FieldVector out, int row, int count) {
        while (count > 0) {
            int n = Math.min(count, CHUNK);
            int runLength = indexes.rleRemaining();
            if (runLength > 0) {
                // A run of one index (sorted or low-cardinality data): no need to materialize the indexes.
                n = Math.min(n, runLength);
                int index = checked(indexes.rleValue());
                java.util.Arrays.fill(chunk, 0, n, index);
                indexes.skipRle(n);
            } else {
                indexes.read(chunk, 0, n);
                if (!everyIndexValid) {
                    checkAll(n);
                }
            }
            if (out != null) {
                gather(out, row, n);
            }
            if (codes != null) {
                long address = codes.memoryAddress() + ((long) row << 2);
                for (int i = 0; i < n; i++) {
                    MemoryUtil.putInt(address + ((long) i << 2), chunk[i]);
                }
            }
            row += n;
            count -= n;
        }
    }

    /**
     * Throws if an index of the chunk lies outside the dictionary. One branch-free pass (a max and an or, which
     * the JIT vectorizes) instead of a compare and branch per index; negative indexes only come from 32-bit widths.
     */
    private void checkAll(int n) {
        int max = 0;
        int sign = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, chunk[i]);
            sign |= chunk[i];
        }
        if (max >= dictionarySize || sign < 0) {
            for (int i = 0; i < n; i++) {
                checked(chunk[i]);
            }
        }
    }

    private int checked(int index) {
        // Bounds checks are off in Arrow buffers: an index from a corrupt file must not read outside the dictionary.
        if (index < 0 || index >= dictionarySize) {
            throw new ParquetDataException("dictionary index " + index + " out of range (dictionary has " + dictionarySize + " entries)");
        }
        return index;
    }

    private void gather(FieldVector out, int row, int n) {
        int[] idx = chunk;
        switch (width) {
            case 4 -> {
                ArrowBuf source = dictionary.getDataBuffer();
                ArrowBuf target = out.getDataBuffer();
                for (int i = 0; i < n; i++) {
                    target.setInt((long) (row + i) << 2, source.getInt((long) idx[i] << 2));
                }
            }
            case 8 -> {
                ArrowBuf source = dictionary.getDataBuffer();
                ArrowBuf target = out.getDataBuffer();
                for (int i = 0; i < n; i++) {
                    target.setLong((long) (row + i) << 3, source.getLong((long) idx[i] << 3));
                }
            }
            case 16 -> {
                ArrowBuf source = dictionary.getDataBuffer();
                ArrowBuf target = out.getDataBuffer();
                for (int i = 0; i < n; i++) {
                    long from = (long) idx[i] << 4;
                    long to = (long) (row + i) << 4;
                    target.setLong(to, source.getLong(from));
                    target.setLong(to + 8, source.getLong(from + 8));
                }
            }
            case 0 -> {
                ArrowBuf source = dictionary.getDataBuffer();
                ArrowBuf target = out.getDataBuffer();
                for (int i = 0; i < n; i++) {
                    int bit = (source.getByte(idx[i] >>> 3) >>> (idx[i] & 7)) & 1;
                    BitVectorHelper.setValidityBit(target, row + i, bit);
                }
            }
            default -> gatherVariableWidth((BaseVariableWidthVector) out, row, n);
        }
    }

    private void gatherVariableWidth(BaseVariableWidthVector out, int row, int n) {
        ArrowBuf sourceOffsets = dictionary.getOffsetBuffer();
        ArrowBuf sourceData = dictionary.getDataBuffer();
        ArrowBuf offsets = out.getOffsetBuffer();
        int offset = VarWidthOutput.startOffset(out, row);
        long needed = offset;
        for (int i = 0; i < n; i++) {
            long from = (long) chunk[i] << 2;
            needed += sourceOffsets.getInt(from + 4) - sourceOffsets.getInt(from);
        }
        if (needed > Integer.MAX_VALUE) {
            throw new ParquetDataException("more than 2 GB of text in one batch; lower the batch size");
        }
        ArrowBuf data = VarWidthOutput.ensureData(out, needed);
        for (int i = 0; i < n; i++) {
            long from = (long) chunk[i] << 2;
            int start = sourceOffsets.getInt(from);
            int length = sourceOffsets.getInt(from + 4) - start;
            ShortCopy.copy(sourceData, start, data, offset, length);
            offset += length;
            offsets.setInt((long) (row + i + 1) << 2, offset);
        }
    }
}
