package dev.spillway.io;

import dev.spillway.types.Schema;
import java.util.List;

/**
 * Something a query can scan: files of one format, a generator, an in-memory table. Planning splits a
 * scan into {@link ScanTask}s that workers read in parallel; nothing is read at planning time beyond
 * metadata (file sizes, Parquet footers, the first lines of a CSV for its schema).
 */
public interface TableSource {
    /** One line for EXPLAIN, e.g. {@code parquet data/*.parquet (3 files)}. */
    String describe();

    Schema schema();

    /** Estimated number of rows of the whole table, or -1 when unknown. */
    long estimatedRows();

    /** Estimated size in bytes of the whole table as read (on disk or generated), or -1 when unknown. */
    long estimatedBytes();

    /**
     * Estimated bytes read when only the {@code projection} columns are scanned, or -1 when unknown. By default
     * an even share of {@link #estimatedBytes()} per column; columnar sources know better (a dictionary-encoded
     * column can be a hundredth of a wide one).
     */
    default long estimatedBytes(List<Integer> projection) {
        long total = estimatedBytes();
        if (total <= 0) {
            return total;
        }
        return total / Math.max(1, schema().size()) * Math.max(1, projection.size());
    }

    /** Splits the scan into tasks; {@code spec} says which columns to produce and which filters allow skipping. */
    List<ScanTask> plan(ScanSpec spec);

    /**
     * An upper bound on the number of distinct non-NULL values of a column, when the source can tell
     * cheaply (e.g. from min/max statistics of an integer column), for join-size estimates.
     */
    default java.util.OptionalLong distinctValues(int column) {
        return java.util.OptionalLong.empty();
    }

    /** Whether tasks are in a meaningful order (the file order) that a LIMIT without ORDER BY should respect. */
    default boolean ordered() {
        return true;
    }
}
