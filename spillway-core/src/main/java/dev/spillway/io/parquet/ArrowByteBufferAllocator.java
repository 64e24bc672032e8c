package dev.spillway.io.parquet;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * Lends parquet-java direct {@link ByteBuffer}s carved from an Arrow allocator, so that the buffers
 * parquet-java needs (codec scratch space, the writer's page buffers) count against the query's memory
 * like everything else. Closing releases whatever parquet-java forgot to release.
 *
 * <p>Not thread-safe: each reader or writer owns one.
 */
final class ArrowByteBufferAllocator implements ByteBufferAllocator, AutoCloseable {
    private final BufferAllocator allocator;
    private final Map<ByteBuffer, ArrowBuf> lent = new IdentityHashMap<>();

    ArrowByteBufferAllocator(BufferAllocator allocator) {
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    @Override
    public ByteBuffer allocate(int size) {
        ArrowBuf buffer = allocator.buffer(Math.max(size, 1));
        ByteBuffer view = buffer.nioBuffer(0, size);
        lent.put(view, buffer);
        return view;
    }

    @Override
    public void release(ByteBuffer buffer) {
        ArrowBuf owner = lent.remove(buffer);
        if (owner == null) {
            throw new IllegalArgumentException("buffer was not allocated by this allocator or was released twice");
        }
        owner.close();
    }

    @Override
    public boolean isDirect() {
        return true;
    }

    @Override
    public void close() {
        List<ArrowBuf> remaining = new ArrayList<>(lent.values());
        lent.clear();
        for (ArrowBuf buffer : remaining) {
            buffer.close();
        }
    }
}
