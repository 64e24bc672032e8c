package dev.spillway.io;

import dev.spillway.data.Batch;

/**
 * Writes batches of one schema to a file atomically: nothing appears at the target until
 * {@link #commit()}, which renames a temporary file over it; {@link #abort()}, or closing without
 * committing, deletes the temporary file and leaves the target as it was.
 */
public interface TableWriter extends AutoCloseable {
    /** Appends the batch's rows; the batch stays owned by the caller. */
    void write(Batch batch);

    /** Finishes the file and moves it to the target, replacing an existing file. */
    void commit();

    /** Drops everything written; safe to call more than once. */
    void abort();

    /** Aborts unless committed. */
    @Override
    void close();
}
