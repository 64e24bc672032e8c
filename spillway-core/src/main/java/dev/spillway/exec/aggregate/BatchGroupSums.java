package dev.spillway.exec.aggregate;

import dev.spillway.exec.eval.Bits;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * One batch's sums and counts per group, in heap arrays, for a GROUP BY with few groups and many rows: the
 * accumulator then updates each group's slot once per batch, instead of a read-modify-write of the slot per
 * row. Sums of 32-bit integers are exact (a batch of them cannot overflow a long); doubles sum in row order.
 */
final class BatchGroupSums {
    /** Groups up to which batches are summed here first. */
    private static final int FEW_GROUPS = 4096;

    private long[] sums = new long[0];
    private double[] doubleSums = new double[0];
    private int[] counts = new int[0];
    /** Which sums the batch used: an accumulator adds one kind, so clearing skips the other array. */
    private boolean addedInts;
    private boolean addedDoubles;

    /** Whether a batch of {@code rows} rows over {@code groupCount} groups is worth summing here first. */
    static boolean pays(int groupCount, int rows) {
        return groupCount <= Math.min(FEW_GROUPS, rows);
    }

    /** Adds the non-NULL 32-bit integers at {@code data} (validity null: none is NULL) to their groups. */
    void addInts(int[] groups, int rows, long data, ArrowBuf validity, int groupCount) {
        ensure(groupCount);
        addedInts = true;
        long[] sum = sums;
        int[] count = counts;
        if (validity == null) {
            for (int i = 0; i < rows; i++) {
                int group = groups[i];
                sum[group] += MemoryUtil.getInt(data + ((long) i << 2));
                count[group]++;
            }
        } else {
            for (int i = 0; i < rows; i++) {
                if (Bits.isSet(validity, i)) {
                    int group = groups[i];
                    sum[group] += MemoryUtil.getInt(data + ((long) i << 2));
                    count[group]++;
                }
            }
        }
    }

    /** Adds the non-NULL doubles at {@code data} (validity null: none is NULL) to their groups. */
    void addDoubles(int[] groups, int rows, long data, ArrowBuf validity, int groupCount) {
        ensure(groupCount);
        addedDoubles = true;
        double[] sum = doubleSums;
        int[] count = counts;
        for (int i = 0; i < rows; i++) {
            if (validity == null || Bits.isSet(validity, i)) {
                int group = groups[i];
                sum[group] += Double.longBitsToDouble(MemoryUtil.getLong(data + ((long) i << 3)));
                count[group]++;
            }
        }
    }

    /** Values of {@code group} added since the last {@link #clear}. */
    int count(int group) {
        return counts[group];
    }

    long sum(int group) {
        return sums[group];
    }

    double doubleSum(int group) {
        return doubleSums[group];
    }

    /** Forgets the batch (of up to {@code groupCount} groups). */
    void clear(int groupCount) {
        int end = Math.min(groupCount, counts.length);
        if (addedInts) {
            Arrays.fill(sums, 0, end, 0L);
        }
        if (addedDoubles) {
            Arrays.fill(doubleSums, 0, end, 0.0);
        }
        Arrays.fill(counts, 0, end, 0);
        addedInts = false;
        addedDoubles = false;
    }

    private void ensure(int groupCount) {
        if (counts.length < groupCount) {
            int size = Math.max(groupCount, counts.length * 2);
            sums = Arrays.copyOf(sums, size);
            doubleSums = Arrays.copyOf(doubleSums, size);
            counts = Arrays.copyOf(counts, size);
        }
    }
}
