package dev.spillway.exec.eval;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/** Word-at-a-time operations on Arrow validity and boolean bitmaps. */
public final class Bits {
    private Bits() {}

    public static int words(int rowCount) {
        return (rowCount + 63) >>> 6;
    }

    /** Bytes holding {@code rowCount} bits, rounded up to whole 64-bit words (Arrow buffers are padded to 8 bytes). */
    public static long wordBytes(int rowCount) {
        return (long) words(rowCount) << 3;
    }

    public static boolean isSet(ArrowBuf bits, int index) {
        return ((bits.getByte(index >>> 3) >>> (index & 7)) & 1) != 0;
    }

    public static void set(ArrowBuf bits, int index) {
        bits.setByte(index >>> 3, bits.getByte(index >>> 3) | (1 << (index & 7)));
    }

    public static void clear(ArrowBuf bits, int index) {
        bits.setByte(index >>> 3, bits.getByte(index >>> 3) & ~(1 << (index & 7)));
    }

    /** target = a AND b over rowCount bits. */
    public static void and(ArrowBuf a, ArrowBuf b, ArrowBuf target, int rowCount) {
        int words = words(rowCount);
        for (int w = 0; w < words; w++) {
            long offset = (long) w << 3;
            target.setLong(offset, a.getLong(offset) & b.getLong(offset));
        }
    }

    /** Copies the bits of {@code rowCount} rows; shared vectors' bitmaps may be exactly that long, not padded. */
    public static void copy(ArrowBuf source, ArrowBuf target, int rowCount) {
        target.setBytes(0, source, 0, (rowCount + 7) >>> 3);
    }

    public static void setAll(ArrowBuf bits, int rowCount) {
        bits.setOne(0, wordBytes(rowCount));
    }

    /** Validity buffer of a vector, or null meaning "all null" for the NULL type. */
    public static ArrowBuf validity(FieldVector vector) {
        return vector instanceof NullVector ? null : vector.getValidityBuffer();
    }

    /**
     * Indexes of rows whose boolean value is TRUE and valid, written to {@code out}; returns how many.
     */
    public static int selectTrue(BitVector predicate, int rowCount, int[] out) {
        ArrowBuf values = predicate.getDataBuffer();
        ArrowBuf valid = predicate.getValidityBuffer();
        int count = 0;
        int words = words(rowCount);
        for (int w = 0; w < words; w++) {
            long offset = (long) w << 3;
            long word = values.getLong(offset) & valid.getLong(offset);
            if (w == words - 1 && (rowCount & 63) != 0) {
                word &= (1L << (rowCount & 63)) - 1;
            }
            while (word != 0) {
                out[count++] = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return count;
    }

    /** Number of rows whose value is TRUE and valid. */
    public static int countTrue(BitVector predicate, int rowCount) {
        ArrowBuf values = predicate.getDataBuffer();
        ArrowBuf valid = predicate.getValidityBuffer();
        int count = 0;
        int words = words(rowCount);
        for (int w = 0; w < words; w++) {
            long offset = (long) w << 3;
            long word = values.getLong(offset) & valid.getLong(offset);
            if (w == words - 1 && (rowCount & 63) != 0) {
                word &= (1L << (rowCount & 63)) - 1;
            }
            count += Long.bitCount(word);
        }
        return count;
    }
}
