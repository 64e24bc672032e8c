package dev.spillway.io.parquet;

import org.apache.arrow.memory.ArrowBuf;

/** Conversions of single physical values that several decoders share. */
final class PhysicalValues {
    /** Julian day number of 1970-01-01. */
    static final long JULIAN_EPOCH_DAY = 2_440_588L;
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private PhysicalValues() {}

    /** An INT96 timestamp (8 bytes nanoseconds of the day, then 4 bytes Julian day, little-endian) in microseconds. */
    static long int96ToMicros(long nanosOfDay, int julianDay) {
        return (julianDay - JULIAN_EPOCH_DAY) * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000L);
    }

    /** The low 64 bits of a big-endian two's complement integer of {@code length} bytes (sign-extended when shorter). */
    static long bigEndianLong(ArrowBuf buffer, long position, int length) {
        if (length == 0) {
            return 0;
        }
        long value = buffer.getByte(position); // signed: sign-extends
        for (int i = 1; i < length; i++) {
            value = (value << 8) | (buffer.getByte(position + i) & 0xFFL);
        }
        return value;
    }

    /** Writes a big-endian two's complement integer of up to 16 bytes as a 128-bit little-endian Arrow decimal. */
    static void bigEndianToInt128(ArrowBuf source, long position, int length, ArrowBuf target, long targetIndex) {
        long low;
        long high;
        if (length <= 8) {
            low = bigEndianLong(source, position, length);
            high = low >> 63;
        } else {
            int highLength = length - 8;
            high = bigEndianLong(source, position, highLength);
            low = bigEndianLong(source, position + highLength, 8);
        }
        target.setLong(targetIndex, low);
        target.setLong(targetIndex + 8, high);
    }

    /** The same for a value held in a byte array (fallback decoders and statistics). */
    static void bigEndianToInt128(byte[] bytes, ArrowBuf target, long targetIndex) {
        long low = 0;
        long high;
        int length = bytes.length;
        if (length == 0) {
            high = 0;
        } else if (length <= 8) {
            low = bytes[0];
            for (int i = 1; i < length; i++) {
                low = (low << 8) | (bytes[i] & 0xFFL);
            }
            high = low >> 63;
        } else {
            int highLength = length - 8;
            high = bytes[0];
            for (int i = 1; i < highLength; i++) {
                high = (high << 8) | (bytes[i] & 0xFFL);
            }
            for (int i = highLength; i < length; i++) {
                low = (low << 8) | (bytes[i] & 0xFFL);
            }
        }
        target.setLong(targetIndex, low);
        target.setLong(targetIndex + 8, high);
    }

    static long bigEndianLong(byte[] bytes) {
        if (bytes.length == 0) {
            return 0;
        }
        long value = bytes[0];
        for (int i = 1; i < bytes.length; i++) {
            value = (value << 8) | (bytes[i] & 0xFFL);
        }
        return value;
    }
}
