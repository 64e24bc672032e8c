package dev.spillway.exec.sort;

import dev.spillway.data.Batch;
import dev.spillway.exec.eval.Bits;
import dev.spillway.exec.eval.Int128;
import dev.spillway.exec.eval.Physical;
import dev.spillway.exec.eval.Strings;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Compares rows addressed as {@code batch << 32 | row} across a list of batches by the sort keys.
 * Doubles order as SQL comparisons do (NaN largest); strings by UTF-8 bytes.
 */
final class RowComparator {
    private final SortSpec[] keys;
    private final Physical[] physical;
    private final FieldVector[][] columns;

    RowComparator(List<Batch> batches, List<SortSpec> keys) {
        this.keys = keys.toArray(SortSpec[]::new);
        this.physical = new Physical[this.keys.length];
        this.columns = new FieldVector[this.keys.length][batches.size()];
        for (int k = 0; k < this.keys.length; k++) {
            int column = this.keys[k].column();
            for (int b = 0; b < batches.size(); b++) {
                columns[k][b] = batches.get(b).column(column);
            }
            physical[k] = batches.isEmpty() ? Physical.NULL : Physical.of(batches.get(0).schema().type(column));
        }
    }

    static long reference(int batch, int row) {
        return (long) batch << 32 | row;
    }

    static int batch(long reference) {
        return (int) (reference >>> 32);
    }

    static int row(long reference) {
        return (int) reference;
    }

    int compare(long a, long b) {
        int batchA = batch(a);
        int rowA = row(a);
        int batchB = batch(b);
        int rowB = row(b);
        for (int k = 0; k < keys.length; k++) {
            FieldVector x = columns[k][batchA];
            FieldVector y = columns[k][batchB];
            boolean nullX = x instanceof NullVector || !Bits.isSet(x.getValidityBuffer(), rowA);
            boolean nullY = y instanceof NullVector || !Bits.isSet(y.getValidityBuffer(), rowB);
            int result;
            if (nullX || nullY) {
                if (nullX && nullY) {
                    continue;
                }
                // NULL placement does not flip with DESC.
                return (nullX == keys[k].nullsFirst()) ? -1 : 1;
            }
            result = compareValues(physical[k], x, rowA, y, rowB);
            if (result != 0) {
                return keys[k].ascending() ? result : -result;
            }
        }
        return 0;
    }

    private static int compareValues(Physical physical, FieldVector x, int rowA, FieldVector y, int rowB) {
        ArrowBuf p = x.getDataBuffer();
        ArrowBuf q = y.getDataBuffer();
        return switch (physical) {
            case INT32 -> Integer.compare(p.getInt((long) rowA << 2), q.getInt((long) rowB << 2));
            case INT64 -> Long.compare(p.getLong((long) rowA << 3), q.getLong((long) rowB << 3));
            case FLOAT64 -> compareDoubles(p.getDouble((long) rowA << 3), q.getDouble((long) rowB << 3));
            case DEC128 -> Int128.compare(p.getLong(((long) rowA << 4) + 8), p.getLong((long) rowA << 4),
                    q.getLong(((long) rowB << 4) + 8), q.getLong((long) rowB << 4));
            case BIT -> Boolean.compare(Bits.isSet(p, rowA), Bits.isSet(q, rowB));
            case UTF8 -> {
                ArrowBuf po = x.getOffsetBuffer();
                ArrowBuf qo = y.getOffsetBuffer();
                int ps = po.getInt((long) rowA << 2);
                int qs = qo.getInt((long) rowB << 2);
                yield Strings.compare(p, ps, po.getInt((long) (rowA + 1) << 2) - ps, q, qs, qo.getInt((long) (rowB + 1) << 2) - qs);
            }
            case NULL -> 0;
        };
    }

    private static int compareDoubles(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        boolean nanA = Double.isNaN(a);
        boolean nanB = Double.isNaN(b);
        return nanA == nanB ? 0 : (nanA ? 1 : -1);
    }

    /** Stable merge sort of row references (small runs by insertion sort). */
    void sort(long[] references, int count) {
        long[] scratch = new long[count];
        mergeSort(references, scratch, 0, count);
    }

    private void mergeSort(long[] a, long[] scratch, int from, int to) {
        if (to - from <= 24) {
            for (int i = from + 1; i < to; i++) {
                long value = a[i];
                int j = i - 1;
                while (j >= from && compare(a[j], value) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(a, scratch, from, middle);
        mergeSort(a, scratch, middle, to);
        if (compare(a[middle - 1], a[middle]) <= 0) {
            return;
        }
        System.arraycopy(a, from, scratch, from, to - from);
        int i = from;
        int j = middle;
        int k = from;
        while (i < middle && j < to) {
            a[k++] = compare(scratch[j], scratch[i]) < 0 ? scratch[j++] : scratch[i++];
        }
        while (i < middle) {
            a[k++] = scratch[i++];
        }
        while (j < to) {
            a[k++] = scratch[j++];
        }
    }
}
