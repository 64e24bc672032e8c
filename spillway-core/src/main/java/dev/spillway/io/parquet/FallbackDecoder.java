package dev.spillway.io.parquet;

import java.io.IOException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;

/**
 * Encodings Spillway does not decode itself (DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
 * DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT, RLE booleans) go through parquet-java's value readers one value at
 * a time. Byte arrays then cost one {@link Binary} object per value; PLAIN and dictionary pages, which is
 * what most writers produce by default, never come here.
 */
final class FallbackDecoder implements ValuesDecoder {
    private final ValuesReader reader;
    private final ValueConversion conversion;

    FallbackDecoder(Encoding encoding, ColumnDescriptor descriptor, ValueConversion conversion, ArrowBuf page, long start,
                    long end, int valueCount) {
        this.conversion = conversion;
        try {
            this.reader = encoding.getValuesReader(descriptor, ValuesType.VALUES);
            reader.initFromPage(valueCount, ByteBufferInputStream.wrap(page.nioBuffer(start, Math.toIntExact(end - start))));
        } catch (IOException | RuntimeException e) {
            throw new ParquetDataException("cannot decode " + encoding + " page: " + e.getMessage());
        }
    }

    @Override
    public void read(FieldVector out, int row, int count) {
        ArrowBuf data = out.getDataBuffer();
        switch (conversion) {
            case INT32 -> {
                for (int i = 0; i < count; i++) {
                    data.setInt((long) (row + i) << 2, reader.readInteger());
                }
            }
            case UINT32_TO_INT64 -> {
                for (int i = 0; i < count; i++) {
                    data.setLong((long) (row + i) << 3, reader.readInteger() & 0xFFFF_FFFFL);
                }
            }
            case INT32_TO_INT64 -> {
                for (int i = 0; i < count; i++) {
                    data.setLong((long) (row + i) << 3, reader.readInteger());
                }
            }
            case INT64 -> {
                for (int i = 0; i < count; i++) {
                    data.setLong((long) (row + i) << 3, reader.readLong());
                }
            }
            case UINT64 -> {
                for (int i = 0; i < count; i++) {
                    long value = reader.readLong();
                    if (value < 0) {
                        throw new ParquetDataException("UINT_64 value " + Long.toUnsignedString(value) + " does not fit in BIGINT");
                    }
                    data.setLong((long) (row + i) << 3, value);
                }
            }
            case MILLIS_TO_MICROS -> {
                for (int i = 0; i < count; i++) {
                    data.setLong((long) (row + i) << 3, Math.multiplyExact(reader.readLong(), 1000L));
                }
            }
            case NANOS_TO_MICROS -> {
                for (int i = 0; i < count; i++) {
                    data.setLong((long) (row + i) << 3, Math.floorDiv(reader.readLong(), 1000L));
                }
            }
            case INT96_TO_MICROS -> {
                for (int i = 0; i < count; i++) {
                    java.nio.ByteBuffer bytes = reader.readBytes().toByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    long micros = PhysicalValues.int96ToMicros(bytes.getLong(bytes.position()), bytes.getInt(bytes.position() + 8));
                    data.setLong((long) (row + i) << 3, micros);
                }
            }
            case FLOAT_TO_DOUBLE -> {
                for (int i = 0; i < count; i++) {
                    data.setDouble((long) (row + i) << 3, reader.readFloat());
                }
            }
            case DOUBLE -> {
                for (int i = 0; i < count; i++) {
                    data.setDouble((long) (row + i) << 3, reader.readDouble());
                }
            }
            case BOOLEAN -> {
                for (int i = 0; i < count; i++) {
                    BitVectorHelper.setValidityBit(data, row + i, reader.readBoolean() ? 1 : 0);
                }
            }
            case BINARY -> readBinary((BaseVariableWidthVector) out, row, count);
            case DECIMAL_BYTES_TO_INT64 -> {
                for (int i = 0; i < count; i++) {
                    data.setLong((long) (row + i) << 3, PhysicalValues.bigEndianLong(reader.readBytes().getBytesUnsafe()));
                }
            }
            case DECIMAL_BYTES_TO_INT128 -> {
                for (int i = 0; i < count; i++) {
                    byte[] bytes = reader.readBytes().getBytesUnsafe();
                    if (bytes.length > 16) {
                        throw new ParquetDataException("decimal of " + bytes.length + " bytes is out of range");
                    }
                    PhysicalValues.bigEndianToInt128(bytes, data, (long) (row + i) << 4);
                }
            }
        }
    }

    private void readBinary(BaseVariableWidthVector out, int row, int count) {
        ArrowBuf offsets = out.getOffsetBuffer();
        int offset = VarWidthOutput.startOffset(out, row);
        for (int i = 0; i < count; i++) {
            Binary value = reader.readBytes();
            int length = value.length();
            long newOffset = (long) offset + length;
            if (newOffset > Integer.MAX_VALUE) {
                throw new ParquetDataException("more than 2 GB of text in one batch; lower the batch size");
            }
            ArrowBuf data = VarWidthOutput.ensureData(out, newOffset);
            data.setBytes(offset, value.getBytesUnsafe(), 0, length);
            offset = (int) newOffset;
            offsets.setInt((long) (row + i + 1) << 2, offset);
        }
    }
}
