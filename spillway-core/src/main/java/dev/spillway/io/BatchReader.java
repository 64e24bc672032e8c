package dev.spillway.io;

import dev.spillway.data.Batch;

/** Reads one scan task batch by batch; closing releases file handles and buffers. */
public interface BatchReader extends AutoCloseable {
    /** The next batch (owned by the caller), or null at the end. */
    Batch next();

    @Override
    void close();
}
