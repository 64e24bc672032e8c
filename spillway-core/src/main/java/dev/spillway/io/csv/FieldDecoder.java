package dev.spillway.io.csv;

import dev.spillway.data.Vectors;
import dev.spillway.io.text.BooleanParser;
import dev.spillway.io.text.DateTimeParser;
import dev.spillway.io.text.NumberParser;
import dev.spillway.io.text.Utf8;
import dev.spillway.io.text.ValueFormatException;
import dev.spillway.types.DataType;
import dev.spillway.types.Decimals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Turns the bytes of one field into a value of one column's vector, with no String per value except for DECIMAL.
 * A decoder owns the vector of the batch being built until {@link #finish} hands it over; {@link #close} frees an
 * unfinished one (on errors and cancellation). Vectors are allocated for the batch's full row count, so the fixed
 * width decoders write without capacity checks; VARCHAR data grows as needed.
 */
abstract class FieldDecoder implements AutoCloseable {
    final String name;
    final DataType type;
    FieldVector vector;

    FieldDecoder(String name, DataType type) {
        this.name = name;
        this.type = type;
    }

    static FieldDecoder forType(String name, DataType type) {
        return switch (type.id()) {
            case BOOLEAN -> new BooleanDecoder(name, type);
            case INTEGER -> new IntegerDecoder(name, type);
            case BIGINT -> new BigintDecoder(name, type);
            case DOUBLE -> new DoubleDecoder(name, type);
            case DECIMAL -> new DecimalDecoder(name, type);
            case VARCHAR -> new VarcharDecoder(name, type);
            case DATE -> new DateDecoder(name, type);
            case TIMESTAMP -> new TimestampDecoder(name, type);
            case NULL, INTERVAL -> throw new IllegalArgumentException("CSV columns cannot be of type " + type);
        };
    }

    /** Allocates the vector for a batch of up to {@code rows} rows. */
    void allocate(BufferAllocator allocator, int rows) {
        vector = Vectors.allocate(type, name, rows, allocator);
        bind();
    }

    /** Caches the typed vector after allocation. */
    abstract void bind();

    /** Decodes {@code bytes[from, to)} into row {@code row}; {@link ValueFormatException} if it is not of the type. */
    abstract void decode(byte[] bytes, int from, int to, int row);

    void setNull(int row) {
        vector.setNull(row);
    }

    FieldVector finish(int rows) {
        FieldVector result = vector;
        result.setValueCount(rows);
        vector = null;
        return result;
    }

    @Override
    public void close() {
        if (vector != null) {
            vector.close();
            vector = null;
        }
    }

    static final class BooleanDecoder extends FieldDecoder {
        private BitVector bits;

        BooleanDecoder(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {
            bits = (BitVector) vector;
        }

        @Override
        void decode(byte[] bytes, int from, int to, int row) {
            bits.set(row, BooleanParser.parse(bytes, from, to) ? 1 : 0);
        }
    }

    static final class IntegerDecoder extends FieldDecoder {
        private IntVector ints;

        IntegerDecoder(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {
            ints = (IntVector) vector;
        }

        @Override
        void decode(byte[] bytes, int from, int to, int row) {
            ints.set(row, NumberParser.parseInt(bytes, from, to));
        }
    }

    static final class BigintDecoder extends FieldDecoder {
        private BigIntVector longs;

        BigintDecoder(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {
            longs = (BigIntVector) vector;
        }

        @Override
        void decode(byte[] bytes, int from, int to, int row) {
            longs.set(row, NumberParser.parseLong(bytes, from, to));
        }
    }

    static final class DoubleDecoder extends FieldDecoder {
        private Float8Vector doubles;

        DoubleDecoder(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {
            doubles = (Float8Vector) vector;
        }

        @Override
        void decode(byte[] bytes, int from, int to, int row) {
            doubles.set(row, NumberParser.parseDouble(bytes, from, to));
        }
    }

    /** Decimals are rare in CSV reads and go through BigDecimal for exact rounding rules. */
    static final class DecimalDecoder extends FieldDecoder {
        DecimalDecoder(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {}

        @Override
        void decode(byte[] bytes, int from, int to, int row) {
            BigDecimal value;
            try {
                value = Decimals.rescale(new BigDecimal(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1).strip()), type);
            } catch (NumberFormatException | ArithmeticException | dev.spillway.errors.SpillwayException e) {
                throw new ValueFormatException("not a decimal");
            }
            if (type.isLongDecimal()) {
                ((BigIntVector) vector).set(row, value.unscaledValue().longValueExact());
            } else {
                ((DecimalVector) vector).set(row, value);
            }
        }
    }

    /**
     * Writes offsets and bytes straight into the vector's buffers (rather than {@code setSafe}, which re-checks
     * capacity and fills null gaps for every value); every row, NULL or not, gets its end offset here.
     */
    static final class VarcharDecoder extends FieldDecoder {
        private VarCharVector strings;
        private ArrowBuf data;
        private ArrowBuf offsets;
        private ArrowBuf validity;
        private long end;
        private long averageBytes = 16;
        private static final int SHORT_COPY = 64;

        /** The bytes {@code [at, to)} (fewer than eight, at the end of the array) as a little-endian word. */
        private static long tailWord(byte[] bytes, int at, int to) {
            long word = 0;
            for (int i = Math.min(to, bytes.length) - 1; i >= at; i--) {
                word = (word << 8) | (bytes[i] & 0xFF);
            }
            return word;
        }

        VarcharDecoder(String name, DataType type) {
            super(name, type);
        }

        @Override
        void allocate(BufferAllocator allocator, int rows) {
            // Size the data buffer from the previous batch so most batches never reallocate it.
            vector = Vectors.allocateVarchar(name, rows, Math.max(64, averageBytes * rows), allocator);
            bind();
        }

        @Override
        void bind() {
            strings = (VarCharVector) vector;
            data = strings.getDataBuffer();
            offsets = strings.getOffsetBuffer();
            validity = strings.getValidityBuffer();
            end = 0;
            offsets.setInt(0, 0);
        }

        @Override
        void decode(byte[] bytes, int from, int to, int row) {
            if (!Utf8.isValid(bytes, from, to)) {
                throw new ValueFormatException("invalid UTF-8");
            }
            int length = to - from;
            long newEnd = end + length;
            // Room for a whole last word, so short values can be copied eight bytes at a time.
            if (newEnd + Long.BYTES > data.capacity()) {
                if (newEnd > Integer.MAX_VALUE) {
                    throw new ValueFormatException("more than 2 GB of text in one batch");
                }
                strings.reallocDataBuffer(newEnd + Long.BYTES);
                data = strings.getDataBuffer();
            }
            if (length <= SHORT_COPY) {
                // Unsafe.copyMemory has a fixed cost that dominates for the short values typical of CSV.
                long address = data.memoryAddress() + end;
                for (int i = 0; i < length; i += Long.BYTES) {
                    MemoryUtil.putLong(address + i, from + i + Long.BYTES <= bytes.length
                            ? MemoryUtil.getLong(bytes, from + i) : tailWord(bytes, from + i, to));
                }
            } else {
                data.setBytes(end, bytes, from, length);
            }
            end = newEnd;
            offsets.setInt((long) (row + 1) << 2, (int) newEnd);
            BitVectorHelper.setBit(validity, row);
        }

        @Override
        void setNull(int row) {
            offsets.setInt((long) (row + 1) << 2, (int) end);
            BitVectorHelper.unsetBit(validity, row);
        }

        @Override
        FieldVector finish(int rows) {
            if (rows > 0) {
                strings.setLastSet(rows - 1);
                averageBytes = Math.max(1, end / rows + 1);
            }
            data = null;
            offsets = null;
            validity = null;
            return super.finish(rows);
        }
    }

    static final class DateDecoder extends FieldDecoder {
        private DateDayVector days;

        DateDecoder(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {
            days = (DateDayVector) vector;
        }

        @Override
        void decode(byte[] bytes, int from, int to, int row) {
            try {
                days.set(row, DateTimeParser.parseDate(bytes, from, to));
            } catch (ArithmeticException e) {
                throw new ValueFormatException("date out of range");
            }
        }
    }

    static final class TimestampDecoder extends FieldDecoder {
        private TimeStampMicroVector micros;

        TimestampDecoder(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {
            micros = (TimeStampMicroVector) vector;
        }

        @Override
        void decode(byte[] bytes, int from, int to, int row) {
            try {
                micros.set(row, DateTimeParser.parseTimestamp(bytes, from, to, false));
            } catch (ArithmeticException e) {
                throw new ValueFormatException("timestamp out of range");
            }
        }
    }
}
