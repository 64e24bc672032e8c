package dev.spillway.io.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** UTF-8 validation of byte ranges, with a fast path for the common all-ASCII case. */
public final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {}

    /** True when {@code bytes[from, to)} is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF). */
    public static boolean isValid(byte[] bytes, int from, int to) {
        int i = from;
        // ASCII eight bytes at a time: no byte has its high bit set.
        while (i + Long.BYTES <= to && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
            i += Long.BYTES;
        }
        while (i < to && bytes[i] >= 0) {
            i++;
        }
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + length > to) {
                return false;
            }
            int codePoint = b & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return false;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return false;
            }
            i += length;
        }
        return true;
    }

    /**
     * Encodes {@code chars[offset, offset + length)} as UTF-8 into {@code target} (at least {@code 3 * length}
     * long) and returns the byte count; an unpaired surrogate becomes {@code ?}.
     */
    public static int encode(char[] chars, int offset, int length, byte[] target) {
        int out = 0;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = chars[i];
            if (c < 0x80) {
                target[out++] = (byte) c;
            } else if (c < 0x800) {
                target[out++] = (byte) (0xC0 | (c >> 6));
                target[out++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                int codePoint = Character.toCodePoint(c, chars[++i]);
                target[out++] = (byte) (0xF0 | (codePoint >> 18));
                target[out++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                target[out++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                target[out++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                target[out++] = '?';
            } else {
                target[out++] = (byte) (0xE0 | (c >> 12));
                target[out++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                target[out++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }
}
