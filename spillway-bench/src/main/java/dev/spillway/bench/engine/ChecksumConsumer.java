package dev.spillway.bench.engine;

import java.util.Arrays;

/**
 * What timed runs do with results: look at every value (so no engine can skip producing a column) and
 * keep only a row count and a checksum. The checksum is a sum of row hashes, so it does not depend on the
 * order rows arrive in; it is not compared across engines (their double sums differ in the last bits).
 */
public final class ChecksumConsumer implements RowConsumer {
    private long rows;
    private long checksum;

    @Override
    public void accept(Object[] row) {
        rows++;
        // A plain sum of row hashes is linear: values trading places between rows would cancel out.
        // Scrambling each row's hash first (MurmurHash3's finalizer) makes the sum see such changes.
        checksum += scramble(Arrays.hashCode(row));
    }

    private static long scramble(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    public long rows() {
        return rows;
    }

    public long checksum() {
        return checksum;
    }
}
