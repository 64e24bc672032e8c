package dev.spillway.exec.sort;

import dev.spillway.data.Batch;
import dev.spillway.exec.eval.Bits;
import dev.spillway.exec.eval.Physical;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Compares rows addressed as {@code batch << 32 | row} across a list of batches by the sort keys.
 * Doubles order as SQL comparisons do (NaN largest); strings by UTF-8 bytes.
 */
final class RowComparator {
    private static final int INSERTION_SORT_MAX = 24;
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
            result = BatchRowComparator.compareValues(physical[k], x, rowA, y, rowB);
            if (result != 0) {
                return keys[k].ascending() ? result : -result;
            }
        }
        return 0;
    }

    /** Stable sort of row references: by packed first keys where they fit, else a merge sort (small runs by insertion sort). */
    void sort(long[] references, int count) {
        if (count > INSERTION_SORT_MAX && keys.length > 0
                && new PackedKeySort(this, columns[0], physical[0], keys[0], keys.length > 1).sort(references, count)) {
            return;
        }
        long[] scratch = new long[count];
        mergeSort(references, scratch, 0, count);
    }

    /** Stable sort of {@code references[from, to)} by all keys. */
    void sortRange(long[] references, int from, int to) {
        if (to - from <= INSERTION_SORT_MAX) {
            mergeSort(references, null, from, to);
            return;
        }
        long[] range = java.util.Arrays.copyOfRange(references, from, to);
        mergeSort(range, new long[range.length], 0, range.length);
        System.arraycopy(range, 0, references, from, range.length);
    }

    /** {@code scratch} may be null for ranges of at most {@link #INSERTION_SORT_MAX} (sorted in place). */
    private void mergeSort(long[] a, long[] scratch, int from, int to) {
        if (to - from <= INSERTION_SORT_MAX) {
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
