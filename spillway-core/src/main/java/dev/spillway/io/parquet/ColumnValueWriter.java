package dev.spillway.io.parquet;

import dev.spillway.types.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Hands the values of one Arrow column to a parquet-java {@link ColumnWriter} (definition level 1 for a
 * value, 0 for NULL; columns are flat and OPTIONAL). Reads the Arrow buffers directly; text is passed as
 * views on the data buffer, which parquet-java copies only when it keeps a value (dictionary, statistics).
 */
final class ColumnValueWriter {
    private ColumnValueWriter() {}

    static void write(FieldVector vector, DataType type, int from, int to, ColumnWriter writer) {
        if (vector instanceof NullVector) {
            for (int row = from; row < to; row++) {
                writer.writeNull(0, 0);
            }
            return;
        }
        ArrowBuf validity = vector.getValidityBuffer();
        ArrowBuf data = vector.getDataBuffer();
        switch (type.id()) {
            case BOOLEAN -> {
                for (int row = from; row < to; row++) {
                    if (isValid(validity, row)) {
                        writer.write(((data.getByte(row >>> 3) >>> (row & 7)) & 1) != 0, 0, 1);
                    } else {
                        writer.writeNull(0, 0);
                    }
                }
            }
            case INTEGER, DATE -> {
                for (int row = from; row < to; row++) {
                    if (isValid(validity, row)) {
                        writer.write(data.getInt((long) row << 2), 0, 1);
                    } else {
                        writer.writeNull(0, 0);
                    }
                }
            }
            case BIGINT, TIMESTAMP -> writeLongs(validity, data, from, to, writer);
            case DOUBLE -> {
                for (int row = from; row < to; row++) {
                    if (isValid(validity, row)) {
                        writer.write(data.getDouble((long) row << 3), 0, 1);
                    } else {
                        writer.writeNull(0, 0);
                    }
                }
            }
            case DECIMAL -> {
                if (type.isLongDecimal()) {
                    writeLongs(validity, data, from, to, writer);
                } else {
                    writeWideDecimals(validity, data, ParquetSchemas.decimalBytes(type.precision()), from, to, writer);
                }
            }
            case VARCHAR -> writeText((BaseVariableWidthVector) vector, from, to, writer);
            case NULL, INTERVAL -> throw new IllegalStateException(type + " columns cannot be written");
        }
    }

    private static boolean isValid(ArrowBuf validity, int row) {
        return ((validity.getByte(row >>> 3) >>> (row & 7)) & 1) != 0;
    }

    private static void writeLongs(ArrowBuf validity, ArrowBuf data, int from, int to, ColumnWriter writer) {
        for (int row = from; row < to; row++) {
            if (isValid(validity, row)) {
                writer.write(data.getLong((long) row << 3), 0, 1);
            } else {
                writer.writeNull(0, 0);
            }
        }
    }

    private static void writeText(BaseVariableWidthVector vector, int from, int to, ColumnWriter writer) {
        ArrowBuf validity = vector.getValidityBuffer();
        ArrowBuf offsets = vector.getOffsetBuffer();
        ArrowBuf data = vector.getDataBuffer();
        // parquet-java hashes, compares and copies each value; on a heap array that is much cheaper than through
        // a ByteBuffer view (which it duplicates per operation). The array is reused: parquet-java copies what it keeps.
        byte[] scratch = new byte[64];
        for (int row = from; row < to; row++) {
            if (isValid(validity, row)) {
                int start = offsets.getInt((long) row << 2);
                int length = offsets.getInt((long) (row + 1) << 2) - start;
                if (length > scratch.length) {
                    scratch = new byte[Math.max(length, scratch.length * 2)];
                }
                data.getBytes(start, scratch, 0, length);
                writer.write(Binary.fromReusedByteArray(scratch, 0, length), 0, 1);
            } else {
                writer.writeNull(0, 0);
            }
        }
    }

    private static void writeWideDecimals(ArrowBuf validity, ArrowBuf data, int length, int from, int to, ColumnWriter writer) {
        for (int row = from; row < to; row++) {
            if (!isValid(validity, row)) {
                writer.writeNull(0, 0);
                continue;
            }
            long low = data.getLong((long) row << 4);
            long high = data.getLong(((long) row << 4) + 8);
            byte[] bytes = new byte[length];
            // Big-endian two's complement: the last 8 bytes are the low word, the rest the (sign-extended) high word.
            for (int i = 0; i < length; i++) {
                int shift = 8 * (length - 1 - i);
                bytes[i] = (byte) (shift >= 64 ? high >>> (shift - 64) : low >>> shift);
            }
            writer.write(Binary.fromConstantByteArray(bytes), 0, 1);
        }
    }
}
