package dev.spillway.io.text;

import dev.spillway.data.Vectors;
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
 * Writes one column of the batch a text reader is building: from the bytes of a text value ({@link #decode}, with
 * no String per value except for DECIMAL) or, in the typed subclasses, from a value already parsed (JSON tokens).
 * A writer owns the vector of the batch being built until {@link #finish} hands it over; {@link #close} frees an
 * unfinished one (on errors and cancellation). Vectors are allocated for the batch's full row count, so the fixed
 * width writers write without capacity checks; VARCHAR data grows as needed. Readers that call a subclass's
 * methods directly (after a switch on the type) get them inlined, which matters in per-value loops.
 */
public abstract class ColumnWriter implements AutoCloseable {
    final String name;
    final DataType type;
    FieldVector vector;

    ColumnWriter(String name, DataType type) {
        this.name = name;
        this.type = type;
    }

    public static ColumnWriter forType(String name, DataType type) {
        return switch (type.id()) {
            case BOOLEAN -> new BooleanWriter(name, type);
            case INTEGER -> new IntegerWriter(name, type);
            case BIGINT -> new BigintWriter(name, type);
            case DOUBLE -> new DoubleWriter(name, type);
            case DECIMAL -> new DecimalWriter(name, type);
            case VARCHAR -> new VarcharWriter(name, type);
            case DATE -> new DateWriter(name, type);
            case TIMESTAMP -> new TimestampWriter(name, type);
            case NULL, INTERVAL -> throw new IllegalArgumentException("text columns cannot be of type " + type);
        };
    }

    /** Allocates the vector for a batch of up to {@code rows} rows. */
    public void allocate(BufferAllocator allocator, int rows) {
        vector = Vectors.allocate(type, name, rows, allocator);
        bind();
    }

    /** Caches the typed vector after allocation. */
    abstract void bind();

    /** Decodes {@code bytes[from, to)} into row {@code row}; {@link ValueFormatException} if it is not of the type. */
    public abstract void decode(byte[] bytes, int from, int to, int row);

    public void setNull(int row) {
        vector.setNull(row);
    }

    public String name() {
        return name;
    }

    public DataType type() {
        return type;
    }

    public FieldVector finish(int rows) {
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

    public static final class BooleanWriter extends ColumnWriter {
        private BitVector bits;

        BooleanWriter(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {
            bits = (BitVector) vector;
        }

        @Override
        public void decode(byte[] bytes, int from, int to, int row) {
            bits.set(row, BooleanParser.parse(bytes, from, to) ? 1 : 0);
        }

        public void setBoolean(int row, boolean value) {
            bits.set(row, value ? 1 : 0);
        }
    }

    public static final class IntegerWriter extends ColumnWriter {
        private IntVector ints;

        IntegerWriter(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {
            ints = (IntVector) vector;
        }

        @Override
        public void decode(byte[] bytes, int from, int to, int row) {
            ints.set(row, NumberParser.parseInt(bytes, from, to));
        }

        public void setInt(int row, int value) {
            ints.set(row, value);
        }
    }

    public static final class BigintWriter extends ColumnWriter {
        private BigIntVector longs;

        BigintWriter(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {
            longs = (BigIntVector) vector;
        }

        @Override
        public void decode(byte[] bytes, int from, int to, int row) {
            longs.set(row, NumberParser.parseLong(bytes, from, to));
        }

        public void setLong(int row, long value) {
            longs.set(row, value);
        }
    }

    public static final class DoubleWriter extends ColumnWriter {
        private Float8Vector doubles;

        DoubleWriter(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {
            doubles = (Float8Vector) vector;
        }

        @Override
        public void decode(byte[] bytes, int from, int to, int row) {
            doubles.set(row, NumberParser.parseDouble(bytes, from, to));
        }

        public void setDouble(int row, double value) {
            doubles.set(row, value);
        }
    }

    /** Decimals are rare in CSV reads and go through BigDecimal for exact rounding rules. */
    public static final class DecimalWriter extends ColumnWriter {
        DecimalWriter(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {}

        @Override
        public void decode(byte[] bytes, int from, int to, int row) {
            try {
                setDecimal(row, new BigDecimal(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1).strip()));
            } catch (NumberFormatException e) {
                throw new ValueFormatException("not a decimal");
            }
        }

        /** The value rounded to the column's scale; {@link ValueFormatException} if it has too many digits. */
        public void setDecimal(int row, BigDecimal decimal) {
            BigDecimal value;
            try {
                value = Decimals.rescale(decimal, type);
            } catch (ArithmeticException | dev.spillway.errors.SpillwayException e) {
                throw new ValueFormatException("out of range");
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
    public static final class VarcharWriter extends ColumnWriter {
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

        VarcharWriter(String name, DataType type) {
            super(name, type);
        }

        @Override
        public void allocate(BufferAllocator allocator, int rows) {
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
        public void decode(byte[] bytes, int from, int to, int row) {
            if (!Utf8.isValid(bytes, from, to)) {
                throw new ValueFormatException("invalid UTF-8");
            }
            setUtf8(row, bytes, from, to);
        }

        /** Appends bytes known to be valid UTF-8. */
        public void setUtf8(int row, byte[] bytes, int from, int to) {
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
        public void setNull(int row) {
            offsets.setInt((long) (row + 1) << 2, (int) end);
            BitVectorHelper.unsetBit(validity, row);
        }

        @Override
        public FieldVector finish(int rows) {
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

    public static final class DateWriter extends ColumnWriter {
        private DateDayVector days;

        DateWriter(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {
            days = (DateDayVector) vector;
        }

        @Override
        public void decode(byte[] bytes, int from, int to, int row) {
            try {
                setDays(row, DateTimeParser.parseDate(bytes, from, to));
            } catch (ArithmeticException e) {
                throw new ValueFormatException("date out of range");
            }
        }

        public void setDays(int row, int value) {
            days.set(row, value);
        }
    }

    public static final class TimestampWriter extends ColumnWriter {
        private TimeStampMicroVector micros;

        TimestampWriter(String name, DataType type) {
            super(name, type);
        }

        @Override
        void bind() {
            micros = (TimeStampMicroVector) vector;
        }

        @Override
        public void decode(byte[] bytes, int from, int to, int row) {
            try {
                setMicros(row, DateTimeParser.parseTimestamp(bytes, from, to, false));
            } catch (ArithmeticException e) {
                throw new ValueFormatException("timestamp out of range");
            }
        }

        public void setMicros(int row, long value) {
            micros.set(row, value);
        }
    }
}
