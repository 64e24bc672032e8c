package dev.spillway.spill;

import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.memory.MemoryTag;
import dev.spillway.types.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One temporary file of batches. Write it once (batches of one schema), then read it any number of
 * times; closing deletes it. Thread-safe for the close; writers and readers are single-threaded.
 */
public final class SpillFile implements AutoCloseable {
    private final TempStorage storage;
    private final Path path;
    private final MemoryTag tag;
    private long size;
    private long rows;
    private boolean closed;

    SpillFile(TempStorage storage, Path path, MemoryTag tag) {
        this.storage = storage;
        this.path = path;
        this.tag = tag;
    }

    /** The kind of operator that spilled it, for {@code memory()}. */
    public MemoryTag tag() {
        return tag;
    }

    public Path path() {
        return path;
    }

    /** Bytes on disk so far. */
    public synchronized long size() {
        return size;
    }

    public synchronized long rows() {
        return rows;
    }

    /** Starts writing batches of the given schema (only once per file). */
    public SpillWriter writer(Schema schema) {
        return new SpillWriter(this, schema);
    }

    /** Reads the batches back, allocated from {@code allocator}. */
    public SpillReader reader(Schema schema, BufferAllocator allocator) {
        return new SpillReader(this, schema, allocator);
    }

    /** Accounts the few bytes that end a stream without the quota check, so closing never fails on it. */
    synchronized void wroteTrailer(long bytes) {
        size += bytes;
        storage.chargeUnchecked(bytes);
    }

    synchronized void wrote(long bytes, int batchRows) {
        if (closed) {
            throw new SpillwayException(ErrorKind.INTERNAL, "spill file " + path + " written after close");
        }
        size += bytes;
        rows += batchRows;
        storage.charge(this, bytes);
    }

    /** Deletes the file and returns its space to the quota. */
    @Override
    public void close() {
        long released;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            released = size;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // The folder is removed when the engine closes, so a file we fail to delete now does not leak.
        }
        storage.released(this, released);
    }

}
