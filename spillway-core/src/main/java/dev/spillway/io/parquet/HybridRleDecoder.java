package dev.spillway.io.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Decodes Parquet's RLE / bit-packed hybrid encoding (definition levels, dictionary indices, RLE booleans).
 *
 * <p>The data is a sequence of runs, each starting with a ULEB128 header: an even header {@code n << 1}
 * is an RLE run of {@code n} copies of one value stored in {@code ceil(bitWidth / 8)} bytes; an odd header
 * {@code g << 1 | 1} is {@code g} groups of 8 values bit-packed least significant bit first. Callers can ask
 * for the current RLE run ({@link #rleRemaining()}) to handle long runs in bulk, which is what makes an
 * all-valid or all-NULL stretch of definition levels cost nothing per value.
 */
final class HybridRleDecoder {
    private final ArrowBuf buffer;
    private final long end;
    private final int bitWidth;
    private final int valueBytes;
    private final long mask;
    private long position;

    /** Values left in the current run. */
    private int remaining;
    private boolean packed;
    private int rleValue;
    /** Address (buffer index) of the first byte of the current packed run and the index of the next value in it. */
    private long packedStart;
    private int packedIndex;

    /** The buffer must have {@link ShortCopy#PADDING} readable bytes after {@code end}. */
    HybridRleDecoder(ArrowBuf buffer, long start, long end, int bitWidth) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new IllegalArgumentException("invalid bit width " + bitWidth);
        }
        this.buffer = buffer;
        this.position = start;
        this.end = end;
        this.bitWidth = bitWidth;
        this.valueBytes = (bitWidth + 7) >>> 3;
        this.mask = bitWidth == 32 ? 0xFFFF_FFFFL : (1L << bitWidth) - 1;
    }

    /** Values left in the current RLE run (after loading the next run if needed), or 0 in a bit-packed run. */
    int rleRemaining() {
        ensureRun();
        return packed ? 0 : remaining;
    }

    /** Values left in the current run of either kind (after loading the next run if needed). */
    int runRemaining() {
        ensureRun();
        return remaining;
    }

    /** The value of the current RLE run; valid when {@link #rleRemaining()} is positive. */
    int rleValue() {
        return rleValue;
    }

    /** Skips {@code count} values of the current RLE run. */
    void skipRle(int count) {
        remaining -= count;
    }

    /** Decodes the next {@code count} values into {@code out[offset...]}. */
    void read(int[] out, int offset, int count) {
        while (count > 0) {
            ensureRun();
            int n = Math.min(count, remaining);
            if (packed) {
                unpack(out, offset, n);
            } else {
                java.util.Arrays.fill(out, offset, offset + n, rleValue);
            }
            remaining -= n;
            offset += n;
            count -= n;
        }
    }

    private void unpack(int[] out, int offset, int n) {
        if (bitWidth == 0) {
            java.util.Arrays.fill(out, offset, offset + n, 0);
            packedIndex += n;
            return;
        }
        int i = 0;
        if (bitWidth <= 8 && (packedIndex & 7) == 0) {
            // Small widths (levels, small dictionaries): one 8-byte load holds a whole group of 8 values. One call
            // per width with a constant argument, so that the JIT compiles each with constant shifts and masks.
            long address = buffer.memoryAddress() + packedStart + ((long) packedIndex >>> 3) * bitWidth;
            int groups = n >>> 3;
            switch (bitWidth) {
                case 1 -> unpackGroups(address, out, offset, groups, 1);
                case 2 -> unpackGroups(address, out, offset, groups, 2);
                case 3 -> unpackGroups(address, out, offset, groups, 3);
                case 4 -> unpackGroups(address, out, offset, groups, 4);
                case 5 -> unpackGroups(address, out, offset, groups, 5);
                case 6 -> unpackGroups(address, out, offset, groups, 6);
                case 7 -> unpackGroups(address, out, offset, groups, 7);
                default -> unpackGroups(address, out, offset, groups, 8);
            }
            i = groups << 3;
        }
        long bit = (long) (packedIndex + i) * bitWidth;
        for (; i < n; i++, bit += bitWidth) {
            // One unaligned 8-byte load covers any value of up to 32 bits plus a 7-bit shift; the load may run
            // into the buffer's padding (ShortCopy.PADDING) past the end of the run, whose bits are masked off.
            long word = buffer.getLong(packedStart + (bit >>> 3));
            out[offset + i] = (int) ((word >>> (bit & 7)) & mask);
        }
        packedIndex += n;
    }

    /** Unpacks {@code groups} groups of 8 values of {@code width} (1 to 8) bits starting at {@code address}. */
    private static void unpackGroups(long address, int[] out, int offset, int groups, int width) {
        long mask = (1L << width) - 1;
        for (int g = 0; g < groups; g++, address += width, offset += 8) {
            long word = MemoryUtil.getLong(address);
            out[offset] = (int) (word & mask);
            out[offset + 1] = (int) ((word >>> width) & mask);
            out[offset + 2] = (int) ((word >>> (2 * width)) & mask);
            out[offset + 3] = (int) ((word >>> (3 * width)) & mask);
            out[offset + 4] = (int) ((word >>> (4 * width)) & mask);
            out[offset + 5] = (int) ((word >>> (5 * width)) & mask);
            out[offset + 6] = (int) ((word >>> (6 * width)) & mask);
            out[offset + 7] = (int) ((word >>> (7 * width)) & mask);
        }
    }

    private void ensureRun() {
        if (remaining > 0) {
            return;
        }
        if (position >= end) {
            throw new IllegalStateException("RLE/bit-packed data ends before all values were read");
        }
        long header = readUnsignedVarInt();
        if ((header & 1) == 0) {
            packed = false;
            remaining = Math.toIntExact(header >>> 1);
            int value = 0;
            for (int i = 0; i < valueBytes; i++) {
                value |= (buffer.getByte(position++) & 0xFF) << (8 * i);
            }
            rleValue = value;
        } else {
            packed = true;
            long groups = header >>> 1;
            remaining = Math.toIntExact(groups * 8);
            packedStart = position;
            packedIndex = 0;
            position += groups * bitWidth;
            if (position > end) {
                // A final run may be cut short by the writer (only values that exist are ever requested), or the
                // data is corrupt: either way never read values whose bits lie past the end.
                long available = bitWidth == 0 ? remaining : (end - packedStart) * 8 / bitWidth;
                remaining = (int) Math.min(remaining, available);
                position = end;
            }
        }
        if (remaining == 0) {
            ensureRun();
        }
    }

    private long readUnsignedVarInt() {
        long value = 0;
        int shift = 0;
        while (true) {
            if (position >= end) {
                throw new IllegalStateException("truncated RLE run header");
            }
            int b = buffer.getByte(position++) & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
            if (shift > 35) {
                throw new IllegalStateException("invalid RLE run header");
            }
        }
    }
}
