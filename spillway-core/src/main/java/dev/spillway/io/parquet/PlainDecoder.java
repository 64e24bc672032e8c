package dev.spillway.io.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * PLAIN encoding: values back to back in their physical layout (little-endian numbers, length-prefixed
 * byte arrays, bit-packed booleans). Values that need no conversion are copied in bulk; the others are
 * converted in a loop chosen once per call. Also decodes dictionary pages, which are PLAIN too.
 */
final class PlainDecoder implements ValuesDecoder {
    private final ArrowBuf page;
    private final long end;
    private final ValueConversion conversion;
    private final int fixedLength;
    private long position;
    /** Booleans are packed 8 per byte across the whole page: the index of the next bit. */
    private long bitIndex;

    PlainDecoder(ArrowBuf page, long start, long end, ValueConversion conversion, int fixedLength) {
        this.page = page;
        this.position = start;
        this.end = end;
        this.conversion = conversion;
        this.fixedLength = fixedLength;
    }

    @Override
    public void read(FieldVector out, int row, int count) {
        switch (conversion) {
            case INT32 -> copy(out, row, count, 4);
            case INT64, DOUBLE -> copy(out, row, count, 8);
            case UINT32_TO_INT64 -> {
                ArrowBuf data = out.getDataBuffer();
                require(4L * count);
                for (int i = 0; i < count; i++, position += 4) {
                    data.setLong((long) (row + i) << 3, page.getInt(position) & 0xFFFF_FFFFL);
                }
            }
            case INT32_TO_INT64 -> {
                ArrowBuf data = out.getDataBuffer();
                require(4L * count);
                for (int i = 0; i < count; i++, position += 4) {
                    data.setLong((long) (row + i) << 3, page.getInt(position));
                }
            }
            case UINT64 -> {
                ArrowBuf data = out.getDataBuffer();
                require(8L * count);
                for (int i = 0; i < count; i++, position += 8) {
                    long value = page.getLong(position);
                    if (value < 0) {
                        throw new ParquetDataException("UINT_64 value " + Long.toUnsignedString(value) + " does not fit in BIGINT");
                    }
                    data.setLong((long) (row + i) << 3, value);
                }
            }
            case MILLIS_TO_MICROS -> {
                ArrowBuf data = out.getDataBuffer();
                require(8L * count);
                for (int i = 0; i < count; i++, position += 8) {
                    data.setLong((long) (row + i) << 3, Math.multiplyExact(page.getLong(position), 1000L));
                }
            }
            case NANOS_TO_MICROS -> {
                ArrowBuf data = out.getDataBuffer();
                require(8L * count);
                for (int i = 0; i < count; i++, position += 8) {
                    data.setLong((long) (row + i) << 3, Math.floorDiv(page.getLong(position), 1000L));
                }
            }
            case INT96_TO_MICROS -> {
                ArrowBuf data = out.getDataBuffer();
                require(12L * count);
                for (int i = 0; i < count; i++, position += 12) {
                    long micros = PhysicalValues.int96ToMicros(page.getLong(position), page.getInt(position + 8));
                    data.setLong((long) (row + i) << 3, micros);
                }
            }
            case FLOAT_TO_DOUBLE -> {
                ArrowBuf data = out.getDataBuffer();
                require(4L * count);
                for (int i = 0; i < count; i++, position += 4) {
                    data.setDouble((long) (row + i) << 3, page.getFloat(position));
                }
            }
            case BOOLEAN -> readBooleans(out.getDataBuffer(), row, count);
            case BINARY -> readBinary((BaseVariableWidthVector) out, row, count);
            case DECIMAL_BYTES_TO_INT64 -> readDecimals(out.getDataBuffer(), row, count, false);
            case DECIMAL_BYTES_TO_INT128 -> readDecimals(out.getDataBuffer(), row, count, true);
        }
    }

    private void copy(FieldVector out, int row, int count, int width) {
        long bytes = (long) count * width;
        require(bytes);
        out.getDataBuffer().setBytes((long) row * width, page, position, bytes);
        position += bytes;
    }

    private void readBooleans(ArrowBuf data, int row, int count) {
        long bytesNeeded = (bitIndex + count + 7) >>> 3;
        if (position + bytesNeeded > end) {
            throw truncated();
        }
        for (int i = 0; i < count; i++, bitIndex++) {
            int bit = (page.getByte(position + (bitIndex >>> 3)) >>> (bitIndex & 7)) & 1;
            BitVectorHelper.setValidityBit(data, row + i, bit);
        }
    }

    private void readBinary(BaseVariableWidthVector out, int row, int count) {
        ArrowBuf offsets = out.getOffsetBuffer();
        int offset = VarWidthOutput.startOffset(out, row);
        ArrowBuf data = out.getDataBuffer();
        long capacity = data.capacity();
        for (int i = 0; i < count; i++) {
            require(4);
            int length = page.getInt(position);
            position += 4;
            if (length < 0) {
                throw new ParquetDataException("negative BYTE_ARRAY length " + length);
            }
            require(length);
            long newOffset = (long) offset + length;
            if (newOffset + ShortCopy.PADDING > capacity) {
                if (newOffset > Integer.MAX_VALUE) {
                    throw new ParquetDataException("more than 2 GB of text in one batch; lower the batch size");
                }
                data = VarWidthOutput.ensureData(out, newOffset);
                capacity = data.capacity();
            }
            ShortCopy.copy(page, position, data, offset, length);
            position += length;
            offset = (int) newOffset;
            offsets.setInt((long) (row + i + 1) << 2, offset);
        }
    }

    private void readDecimals(ArrowBuf data, int row, int count, boolean wide) {
        for (int i = 0; i < count; i++) {
            int length = fixedLength;
            if (length < 0) {
                require(4);
                length = page.getInt(position);
                position += 4;
                if (length < 0 || length > 16) {
                    throw new ParquetDataException("decimal of " + length + " bytes is out of range");
                }
            }
            require(length);
            if (wide) {
                PhysicalValues.bigEndianToInt128(page, position, length, data, (long) (row + i) << 4);
            } else {
                data.setLong((long) (row + i) << 3, PhysicalValues.bigEndianLong(page, position, length));
            }
            position += length;
        }
    }

    private void require(long bytes) {
        if (position + bytes > end) {
            throw truncated();
        }
    }

    private static ParquetDataException truncated() {
        return new ParquetDataException("page ends before all of its values were read");
    }
}
