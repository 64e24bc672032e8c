package dev.spillway.memory;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A named holder of memory (an operator's state, a query's batches in flight), with its own Arrow
 * allocator so that everything it allocates is counted, by name and tag, against the pool's limit.
 * Spillable consumers can be asked to release memory. Closing checks that nothing is left allocated.
 */
public final class MemoryConsumer implements AutoCloseable {
    private final MemoryPool pool;
    private final String name;
    private final MemoryTag tag;
    private final BufferAllocator allocator;
    private final Spillable spillable;
    private final AtomicLong spilledBytes = new AtomicLong();
    private final AtomicLong spillFiles = new AtomicLong();
    private volatile boolean spillRequested;

    MemoryConsumer(MemoryPool pool, String name, MemoryTag tag, BufferAllocator allocator, Spillable spillable) {
        this.pool = pool;
        this.name = name;
        this.tag = tag;
        this.allocator = allocator;
        this.spillable = spillable;
    }

    public String name() {
        return name;
    }

    public MemoryTag tag() {
        return tag;
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    public boolean canSpill() {
        return spillable != null;
    }

    Spillable spillable() {
        return spillable;
    }

    public long allocated() {
        return allocator.getAllocatedMemory();
    }

    public long peak() {
        return allocator.getPeakMemoryAllocation();
    }

    /** True when this consumer should spill at its next safe point (asked by the pool, or over its share under pressure). */
    public boolean shouldSpill() {
        return spillable != null && (spillRequested || pool.overShare(this));
    }

    /**
     * Whether an allocation of {@code bytes} would still leave the pool below its high-water mark. A
     * spillable operator about to make one large allocation (a hash table doubling) spills first when
     * not: the allocation itself could otherwise fail before any safe point to spill at.
     */
    public boolean fits(long bytes) {
        return bytes == 0 || pool.used() + bytes <= pool.highWater();
    }

    public boolean spillRequested() {
        return spillRequested;
    }

    void requestSpill() {
        spillRequested = true;
    }

    /** The consumer spilled: clears the request and records the bytes and files written. */
    public void spilled(long bytes, int files) {
        spillRequested = false;
        spilledBytes.addAndGet(bytes);
        spillFiles.addAndGet(files);
        pool.recordSpill(bytes);
    }

    public long spilledBytes() {
        return spilledBytes.get();
    }

    public long spillFiles() {
        return spillFiles.get();
    }

    /** Unregisters and closes the allocator; fails (a bug) if memory is still allocated. */
    @Override
    public void close() {
        pool.unregister(this);
        allocator.close();
    }

    @Override
    public String toString() {
        return name + " (" + tag + ")";
    }
}
