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
        // Packed in place: the reference's bits move below the code, so no second array of the run's size is needed.
        boolean packed = physical == Physical.UTF8 ? packStrings(references, count, codeBits, rowBits)
                : packNumbers(references, count, codeBits, rowBits);
        if (!packed) {
            return false;
        }
        Arrays.sort(references, 0, count);
        long referenceMask = (1L << referenceBits) - 1;
        long rowMask = (1L << rowBits) - 1;
        boolean exact = physical != Physical.UTF8 && !moreKeys;
        int start = 0;
        long startCode = count == 0 ? 0 : references[0] & ~referenceMask;
        for (int i = 0; i <= count; i++) {
            long code = i < count ? references[i] & ~referenceMask : ~startCode;
            if (code != startCode) {
                if (!exact && i - start > 1) {
                    comparator.sortRange(references, start, i);
                }
                start = i;
                startCode = code;
            }
            if (i < count) {
                long reference = references[i] & referenceMask;
                references[i] = RowComparator.reference((int) (reference >>> rowBits), (int) (reference & rowMask));
            }
        }
        return true;
    }

    private static int bitsFor(int max) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(max, 1));
    }

    /**
     * Each row's key as a signed long in key order (direction applied), minus the smallest, so codes start at 0;
     * NULL is one code below or above all values. False (references untouched) when the range needs more than
     * {@code codeBits}.
     */
    private boolean packNumbers(long[] references, int count, int codeBits, int rowBits) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            if (!isNull(references[i])) {
                long value = orderedValue(references[i]);
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (min > max) {
            min = max = 0;
        }
        long range = max - min;
        // max - min overflows (negative) when the values span more than half of all longs.
        if (range < 0 || range >= (1L << codeBits) - 2) {
            return false;
        }
        long nullCode = spec.nullsFirst() ? 0 : range + 1;
        long offset = spec.nullsFirst() ? 1 : 0;
        for (int i = 0; i < count; i++) {
            long reference = references[i];
            long code = isNull(reference) ? nullCode : orderedValue(reference) - min + offset;
            references[i] = code << (63 - codeBits) | compact(reference, rowBits);
        }
        return true;
    }

    private long orderedValue(long reference) {
        FieldVector vector = firstKey[RowComparator.batch(reference)];
        long address = vector.getDataBuffer().memoryAddress();
        int row = RowComparator.row(reference);
        long value = switch (physical) {
            case INT32 -> MemoryUtil.getInt(address + ((long) row << 2));
            case INT64 -> MemoryUtil.getLong(address + ((long) row << 3));
            default -> KeyCodes.orderedDouble(MemoryUtil.getLong(address + ((long) row << 3)));
        };
        return spec.ascending() ? value : ~value;
    }

    /** The first bytes of each string (as many whole bytes as fit, leaving one code for NULL), big-endian. */
    private boolean packStrings(long[] references, int count, int codeBits, int rowBits) {
        int bytes = Math.min(7, (codeBits - 1) / 8);
        long largest = (1L << (8 * bytes)) - 1;
        for (int i = 0; i < count; i++) {
            long reference = references[i];
            FieldVector vector = firstKey[RowComparator.batch(reference)];
            int row = RowComparator.row(reference);
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
            references[i] = code << (63 - codeBits) | compact(reference, rowBits);
        }
        return true;
    }

    /** A reference as {@code batch << rowBits | row}, the low bits of a packed long. */
    private static long compact(long reference, int rowBits) {
        return (long) RowComparator.batch(reference) << rowBits | RowComparator.row(reference);
    }

    private boolean isNull(long reference) {
        FieldVector vector = firstKey[RowComparator.batch(reference)];
        return vector instanceof NullVector || vector.isNull(RowComparator.row(reference));
    }
}
