package dev.spillway.io.parquet;

import org.apache.arrow.memory.ArrowBuf;

/** Sets ranges of validity bits a byte at a time where it can. */
final class Validity {
    private Validity() {}

    /** Marks bits {@code [start, start + count)} valid. */
    static void setRange(ArrowBuf validity, int start, int count) {
        int bit = start;
        int end = start + count;
        while (bit < end && (bit & 7) != 0) {
            setBit(validity, bit++);
        }
        int fullBytes = (end - bit) >>> 3;
        if (fullBytes > 0) {
            validity.setOne((long) (bit >>> 3), (long) fullBytes);
            bit += fullBytes << 3;
        }
        while (bit < end) {
            setBit(validity, bit++);
        }
    }

    private static void setBit(ArrowBuf validity, int bit) {
        long index = bit >>> 3;
        validity.setByte(index, validity.getByte(index) | (1 << (bit & 7)));
    }
}
