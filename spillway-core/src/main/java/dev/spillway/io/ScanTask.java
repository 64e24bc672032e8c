package dev.spillway.io;

/** One independently readable piece of a scan (a Parquet row group range, a CSV byte range, a generator part). */
public interface ScanTask {
    /** One line for EXPLAIN and errors, e.g. {@code lineitem.parquet row groups 0-3}. */
    String describe();

    /** Estimated bytes this task reads, or -1 when unknown. */
    long estimatedBytes();

    /** Opens the task for reading; batches are allocated from the context's allocator. */
    BatchReader open(ScanContext context);
}
