package dev.spillway.exec.eval;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;

/** Byte-level UTF-8 helpers. Byte order of UTF-8 equals code point order, which is DuckDB's collation. */
public final class Strings {
    private Strings() {}

    /** Compares bytes {@code [aStart, aStart+aLength)} of a with {@code [bStart, ...)} of b, unsigned, then by length. */
    public static int compare(ArrowBuf a, long aStart, int aLength, ArrowBuf b, long bStart, int bLength) {
        int common = Math.min(aLength, bLength);
        int i = 0;
        for (; i + 8 <= common; i += 8) {
            long x = a.getLong(aStart + i);
            long y = b.getLong(bStart + i);
            if (x != y) {
                return Long.compareUnsigned(Long.reverseBytes(x), Long.reverseBytes(y));
            }
        }
        if (i < common) {
            long x = tailWord(a, aStart + i, common - i);
            long y = tailWord(b, bStart + i, common - i);
            if (x != y) {
                return Long.compareUnsigned(Long.reverseBytes(x), Long.reverseBytes(y));
            }
        }
        return aLength - bLength;
    }

    public static int compare(ArrowBuf a, long aStart, int aLength, byte[] b) {
        int common = Math.min(aLength, b.length);
        for (int i = 0; i < common; i++) {
            int x = a.getByte(aStart + i) & 0xFF;
            int y = b[i] & 0xFF;
            if (x != y) {
                return x - y;
            }
        }
        return aLength - b.length;
    }

    public static boolean equals(ArrowBuf a, long aStart, int aLength, ArrowBuf b, long bStart, int bLength) {
        if (aLength != bLength) {
            return false;
        }
        int i = 0;
        for (; i + 8 <= aLength; i += 8) {
            if (a.getLong(aStart + i) != b.getLong(bStart + i)) {
                return false;
            }
        }
        return i == aLength || tailWord(a, aStart + i, aLength - i) == tailWord(b, bStart + i, aLength - i);
    }

    /**
     * The {@code length} (0 to 7) bytes at {@code start} as a little-endian word, upper bytes zero: the same value
     * as reading them one by one, in at most three loads instead of seven (short keys such as codes and ids are
     * mostly tail). Never reads past {@code start + length}.
     */
    public static long tailWord(ArrowBuf data, long start, int length) {
        long address = data.memoryAddress() + start;
        long word = 0;
        int shift = 0;
        if ((length & 4) != 0) {
            word = MemoryUtil.getInt(address) & 0xFFFFFFFFL;
            shift = 32;
        }
        if ((length & 2) != 0) {
            word |= (MemoryUtil.getShort(address + (shift >>> 3)) & 0xFFFFL) << shift;
            shift += 16;
        }
        if ((length & 1) != 0) {
            word |= (MemoryUtil.getByte(address + (shift >>> 3)) & 0xFFL) << shift;
        }
        return word;
    }

    public static boolean equals(ArrowBuf a, long aStart, int aLength, byte[] b) {
        if (aLength != b.length) {
            return false;
        }
        long address = a.memoryAddress() + aStart;
        int i = 0;
        for (; i + 8 <= aLength; i += 8) {
            if (MemoryUtil.getLong(address + i) != littleEndianWord(b, i)) {
                return false;
            }
        }
        for (; i < aLength; i++) {
            if (MemoryUtil.getByte(address + i) != b[i]) {
                return false;
            }
        }
        return true;
    }

    private static long littleEndianWord(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFFL) | (bytes[offset + 1] & 0xFFL) << 8 | (bytes[offset + 2] & 0xFFL) << 16
                | (bytes[offset + 3] & 0xFFL) << 24 | (bytes[offset + 4] & 0xFFL) << 32 | (bytes[offset + 5] & 0xFFL) << 40
                | (bytes[offset + 6] & 0xFFL) << 48 | (bytes[offset + 7] & 0xFFL) << 56;
    }

    /** Position of {@code needle} in {@code [start, start+length)} at or after {@code from}, or -1. */
    public static int indexOf(ArrowBuf data, long start, int length, byte[] needle, int from) {
        if (needle.length == 0) {
            return from <= length ? from : -1;
        }
        byte first = needle[0];
        int last = length - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (data.getByte(start + i) != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (data.getByte(start + i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Number of code points in the UTF-8 bytes (continuation bytes are not counted). */
    public static int codePointCount(ArrowBuf data, long start, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if ((data.getByte(start + i) & 0xC0) != 0x80) {
                count++;
            }
        }
        return count;
    }

    /** True if all bytes are ASCII. */
    public static boolean isAscii(ArrowBuf data, long start, int length) {
        for (int i = 0; i < length; i++) {
            if (data.getByte(start + i) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Upper or lower case, code point by code point (Unicode's simple case mapping), as DuckDB's utf8proc
     * does: the text keeps its length in characters. {@link String#toUpperCase} uses the full mapping
     * instead, which turns {@code ß} into {@code SS} and {@code ŉ} into {@code ʼN}.
     */
    public static String changeCase(String text, boolean upper) {
        StringBuilder result = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> result.appendCodePoint(upper ? toUpperCase(codePoint) : Character.toLowerCase(codePoint)));
        return result.toString();
    }

    private static int toUpperCase(int codePoint) {
        // utf8proc maps the sharp s to the capital sharp s; Java's simple mapping leaves it unchanged.
        return codePoint == '\u00DF' ? '\u1E9E' : Character.toUpperCase(codePoint);
    }
}
