package dev.spillway.exec.aggregate;

/**
 * The rows of a batch grouped by hash partition with a counting sort: one array of row numbers for the whole
 * batch, reused from batch to batch, instead of one array per partition. Row order is kept within a partition.
 */
final class PartitionOrder {
    private final int mask;
    private final int[] starts;
    private final int[] next;
    private int[] rows = new int[0];

    /** @param partitions a power of two */
    PartitionOrder(int partitions) {
        this.mask = partitions - 1;
        this.starts = new int[partitions + 1];
        this.next = new int[partitions];
    }

    /** Groups rows {@code i} in {@code [0, count)} by partition {@code (hashes[first + i] >>> shift) & (partitions - 1)}. */
    void sort(long[] hashes, int first, int count, int shift) {
        if (rows.length < count) {
            rows = new int[Math.max(count, rows.length * 2)];
        }
        java.util.Arrays.fill(starts, 0);
        for (int i = 0; i < count; i++) {
            starts[((int) (hashes[first + i] >>> shift) & mask) + 1]++;
        }
        for (int p = 0; p < next.length; p++) {
            starts[p + 1] += starts[p];
            next[p] = starts[p];
        }
        for (int i = 0; i < count; i++) {
            rows[next[(int) (hashes[first + i] >>> shift) & mask]++] = i;
        }
    }

    /** Row numbers, partition by partition: partition {@code p} holds {@code rows()[start(p) .. end(p))}. */
    int[] rows() {
        return rows;
    }

    int start(int partition) {
        return starts[partition];
    }

    int end(int partition) {
        return starts[partition + 1];
    }
}
