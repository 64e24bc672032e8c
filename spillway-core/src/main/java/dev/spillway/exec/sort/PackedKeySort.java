package dev.spillway.exec.sort;

import dev.spillway.exec.eval.Physical;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Sorts row references by packing each row's first sort key (as an order-preserving code, NULL placement and
 * direction included) and its reference into one long, then sorting plain longs. That turns most of a sort's
 * comparisons from column lookups in random batches into register compares, needs no scratch array, and keeps
 * equal keys in input order (the reference is the low bits). Rows whose codes tie are put in full key order
 * afterwards by the {@link RowComparator}: always for strings (only a prefix is packed), and for any first key
 * when more keys follow. When the codes do not fit next to the reference (e.g. BIGINTs spread over the whole
 * range), the caller sorts the general way.
 */
final class PackedKeySort {
    private final RowComparator comparator;
    private final FieldVector[] firstKey;
    private final Physical physical;
    private final SortSpec spec;
    private final boolean moreKeys;

    PackedKeySort(RowComparator comparator, FieldVector[] firstKey, Physical physical, SortSpec spec, boolean moreKeys) {
        this.comparator = comparator;
        this.firstKey = firstKey;
        this.physical = physical;
        this.spec = spec;
        this.moreKeys = moreKeys;
    }

    /** Sorts {@code references} ({@code batch << 32 | row}) in place; false (nothing changed) when the keys do not pack. */
    boolean sort(long[] references, int count) {
        if (physical != Physical.INT32 && physical != Physical.INT64 && physical != Physical.FLOAT64 && physical != Physical.UTF8) {
            return false;
        }
        int maxBatch = 0;
        int maxRow = 0;
        for (int i = 0; i < count; i++) {
            maxBatch = Math.max(maxBatch, RowComparator.batch(references[i]));
            maxRow = Math.max(maxRow, RowComparator.row(references[i]));
        }
        int rowBits = bitsFor(maxRow);
        int referenceBits = rowBits + bitsFor(maxBatch);
        // Codes stay below 2^63 so that signed order is their order.
        int codeBits = 63 - referenceBits;
        if (codeBits < 9) {
            return false;
        }
        long[] packed = physical == Physical.UTF8 ? stringCodes(references, count, codeBits) : numberCodes(references, count, codeBits);
        if (packed == null) {
            return false;
        }
        long rowMask = (1L << rowBits) - 1;
        for (int i = 0; i < count; i++) {
            long reference = references[i];
            packed[i] |= (long) RowComparator.batch(reference) << rowBits | RowComparator.row(reference);
        }
        Arrays.sort(packed, 0, count);
        long referenceMask = (1L << referenceBits) - 1;
        boolean exact = physical != Physical.UTF8 && !moreKeys;
        int start = 0;
        for (int i = 0; i <= count; i++) {
            if (i < count) {
                long reference = packed[i] & referenceMask;
                references[i] = RowComparator.reference((int) (reference >>> rowBits), (int) (reference & rowMask));
            }
            if (i == count || (i > start && (packed[i] & ~referenceMask) != (packed[start] & ~referenceMask))) {
                if (!exact && i - start > 1) {
                    comparator.sortRange(references, start, i);
                }
                start = i;
            }
        }
        return true;
    }

    private static int bitsFor(int max) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(max, 1));
    }

    /**
     * Each row's key as a signed long in key order (direction applied), shifted by the minimum so the codes
     * start at 0; NULL is one code below or above all values. Null when the range needs more than {@code codeBits}.
     */
    private long[] numberCodes(long[] references, int count, int codeBits) {
        long[] codes = new long[count];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean anyNull = false;
        for (int i = 0; i < count; i++) {
            FieldVector vector = firstKey[RowComparator.batch(references[i])];
            int row = RowComparator.row(references[i]);
            if (vector instanceof NullVector || vector.isNull(row)) {
                anyNull = true;
                continue;
            }
            long address = vector.getDataBuffer().memoryAddress();
            long value = switch (physical) {
                case INT32 -> MemoryUtil.getInt(address + ((long) row << 2));
                case INT64 -> MemoryUtil.getLong(address + ((long) row << 3));
                default -> KeyCodes.orderedDouble(MemoryUtil.getLong(address + ((long) row << 3)));
            };
            value = spec.ascending() ? value : ~value;
            codes[i] = value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        if (min > max) {
            min = max = 0;
        }
        long range = max - min;
        // max - min overflows (negative) when the values span more than half of all longs.
        if (range < 0 || range >= (1L << codeBits) - 2) {
            return null;
        }
        long nullCode = spec.nullsFirst() ? 0 : range + 1;
        long offset = spec.nullsFirst() ? 1 : 0;
        for (int i = 0; i < count; i++) {
            long code;
            if (anyNull && isNull(references[i])) {
                code = nullCode;
            } else {
                code = codes[i] - min + offset;
            }
            codes[i] = code << (63 - codeBits);
        }
        return codes;
    }

    /** The first bytes of each string (as many whole bytes as fit, leaving one code for NULL), big-endian. */
    private long[] stringCodes(long[] references, int count, int codeBits) {
        int bytes = Math.min(7, (codeBits - 1) / 8);
        long[] codes = new long[count];
        long largest = (1L << (8 * bytes)) - 1;
        for (int i = 0; i < count; i++) {
            FieldVector vector = firstKey[RowComparator.batch(references[i])];
            int row = RowComparator.row(references[i]);
            long code;
            if (vector instanceof NullVector || vector.isNull(row)) {
                code = spec.nullsFirst() ? 0 : largest + 2;
            } else {
                long offsets = vector.getOffsetBuffer().memoryAddress();
                int start = MemoryUtil.getInt(offsets + ((long) row << 2));
                int length = MemoryUtil.getInt(offsets + ((long) (row + 1) << 2)) - start;
                long prefix = KeyCodes.stringPrefix(vector.getDataBuffer().memoryAddress() + start, length, bytes);
                code = (spec.ascending() ? prefix : largest - prefix) + 1;
            }
            codes[i] = code << (63 - codeBits);
        }
        return codes;
    }

    private boolean isNull(long reference) {
        FieldVector vector = firstKey[RowComparator.batch(reference)];
        return vector instanceof NullVector || vector.isNull(RowComparator.row(reference));
    }
}
