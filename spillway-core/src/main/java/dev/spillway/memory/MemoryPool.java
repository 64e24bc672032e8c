package dev.spillway.memory;

import dev.spillway.api.Sizes;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.AllocationOutcome;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;

/**
 * The memory of one engine instance: an Arrow root allocator limited to {@code memory_limit}. Every
 * query gets a child allocator, and every operator that holds state registers a
 * {@link MemoryConsumer} below it, so each byte is counted once against one limit and can be
 * attributed by name and tag.
 *
 * <p>Arbitration: when an allocation would exceed the limit, the allocating thread asks the spillable
 * consumers, largest first and across all queries, to give memory back, then waits briefly for the
 * memory to drop and retries; only if nothing can be freed does the allocation fail, and the query
 * reports the largest consumers and the settings to change. Before that point, spillable operators
 * spill at their own safe points once the pool is above its high-water mark and they hold more than
 * their share, which leaves headroom for batches in flight.
 */
public final class MemoryPool implements AutoCloseable {
    /** Fraction of the limit above which spillable consumers over their share spill on their own. */
    private static final double HIGH_WATER = 0.80;
    private static final long RECLAIM_WAIT_MILLIS = 2000;
    /** Queries that held at least this much trim malloc when they end (a trim of little memory gains nothing). */
    private static final long TRIM_AFTER_QUERY_BYTES = 64L << 20;

    private final RootAllocator root;
    private final Set<MemoryConsumer> consumers = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong spilledBytes = new java.util.concurrent.atomic.AtomicLong();

    static {
        // malloc/free (Arrow's Unsafe allocation manager) unless the user picked another: a pooling allocator
        // keeps freed memory resident, so the process would stay at its largest query's size, whereas
        // memory_limit is meant to bound what the process holds. Arrow reads this once, at its first
        // allocator, so launchers also pass it on the command line.
        if (System.getProperty("arrow.allocation.manager.type") == null) {
            System.setProperty("arrow.allocation.manager.type", "Unsafe");
        }
        NativeMalloc.tune();
    }

    public MemoryPool(long limit) {
        this.root = new RootAllocator(new ReclaimListener(), limit);
    }

    public long limit() {
        return root.getLimit();
    }

    public void setLimit(long limit) {
        root.setLimit(limit);
    }

    /** The use above which spillable consumers start spilling (a fraction of the limit). */
    long highWater() {
        return (long) (limit() * HIGH_WATER);
    }

    public long used() {
        return root.getAllocatedMemory();
    }

    public long peak() {
        return root.getPeakMemoryAllocation();
    }

    /** Bytes written to spill files by all consumers since the pool was created. */
    public long spilledBytes() {
        return spilledBytes.get();
    }

    void recordSpill(long bytes) {
        spilledBytes.addAndGet(bytes);
        NativeMalloc.trimSoon();
    }

    /**
     * A query that held {@code peakBytes} has released its memory: a large one hands malloc's free memory back
     * to the system, so the process does not stay at its largest query's size (measured: 450 MB resident with
     * nothing allocated after a 1GB GROUP BY, which then added to the next query's peak).
     */
    public void queryEnded(long peakBytes) {
        if (peakBytes >= TRIM_AFTER_QUERY_BYTES) {
            NativeMalloc.trimNow();
        }
    }

    public BufferAllocator newQueryAllocator(String name) {
        return root.newChildAllocator(name, 0, Long.MAX_VALUE);
    }

    /** Registers a consumer whose allocator is a child of {@code parent} (usually a query's allocator). */
    public MemoryConsumer register(String name, MemoryTag tag, BufferAllocator parent, Spillable spillable) {
        // The allocator tree already carries the parent's name, so the child gets only the last path element.
        String leaf = name.substring(name.lastIndexOf('/') + 1);
        MemoryConsumer consumer = new MemoryConsumer(this, name, tag, parent.newChildAllocator(leaf, 0, Long.MAX_VALUE), spillable);
        consumers.add(consumer);
        return consumer;
    }

    void unregister(MemoryConsumer consumer) {
        consumers.remove(consumer);
    }

    /** The registered consumers, largest first. */
    public List<MemoryConsumer> consumers() {
        List<MemoryConsumer> list = new ArrayList<>(consumers);
        list.sort(Comparator.comparingLong(MemoryConsumer::allocated).reversed());
        return list;
    }

    /**
     * Under pressure (above the high-water mark), a spillable consumer holding more than an equal share of
     * what spillable consumers may use should spill at its next safe point.
     */
    boolean overShare(MemoryConsumer consumer) {
        long limit = limit();
        long used = used();
        if (used < limit * HIGH_WATER) {
            return false;
        }
        long spillableUse = 0;
        int spillable = 0;
        for (MemoryConsumer other : consumers) {
            if (other.canSpill()) {
                spillableUse += other.allocated();
                spillable++;
            }
        }
        long fixed = used - spillableUse;
        long share = (long) Math.max(0, limit * HIGH_WATER - fixed) / Math.max(1, spillable);
        return consumer.allocated() > share;
    }

    /**
     * Tries to make {@code bytes} available: asks spillable consumers (largest first) to release memory,
     * then waits for it. Returns true if the allocation should be retried.
     */
    boolean reclaim(long bytes) {
        long limit = limit();
        boolean asked = false;
        for (MemoryConsumer consumer : consumers()) {
            if (!consumer.canSpill() || consumer.allocated() == 0) {
                continue;
            }
            consumer.requestSpill();
            asked = true;
            try {
                consumer.spillable().spill(bytes);
            } catch (RuntimeException e) {
                // A consumer that cannot spill now will still see its request at its next safe point.
            }
            if (limit - used() >= bytes) {
                return true;
            }
        }
        if (!asked) {
            return false;
        }
        long deadline = System.nanoTime() + RECLAIM_WAIT_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (limit - used() >= bytes) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return limit - used() >= bytes;
    }

    private final class ReclaimListener implements AllocationListener {
        @Override
        public boolean onFailedAllocation(long size, AllocationOutcome outcome) {
            if (reclaim(size)) {
                return true;
            }
            // Remember who held the memory now: by the time the error is reported, the query has released it.
            lastFailure = new FailureSnapshot(used(), size, allocators().stream().filter(c -> c.leaf() && c.bytes() > 0).limit(5).toList());
            return false;
        }
    }

    private record FailureSnapshot(long used, long requested, List<Consumer> top) {}

    private volatile FailureSnapshot lastFailure;

    /** Snapshot of a named holder of memory, for errors and introspection. */
    public record Consumer(String name, long bytes, boolean leaf) {}

    /** Every allocator below the root (queries and their consumers) with its current bytes, largest first. */
    public List<Consumer> allocators() {
        List<Consumer> list = new ArrayList<>();
        collect(root, "", list);
        list.sort(Comparator.comparingLong(Consumer::bytes).reversed());
        return list;
    }

    private static void collect(BufferAllocator allocator, String prefix, List<Consumer> out) {
        for (BufferAllocator child : allocator.getChildAllocators()) {
            String name = prefix.isEmpty() ? child.getName() : prefix + "/" + child.getName();
            out.add(new Consumer(name, child.getAllocatedMemory(), child.getChildAllocators().isEmpty()));
            collect(child, name, out);
        }
    }

    /** The user-facing error for an allocation that did not fit, naming the largest consumers. */
    public SpillwayException outOfMemory(OutOfMemoryException cause) {
        FailureSnapshot snapshot = lastFailure;
        long inUse = snapshot == null ? used() : snapshot.used();
        StringBuilder text = new StringBuilder("out of memory: the query needs more than memory_limit (")
                .append(Sizes.format(limit())).append(") allows; in use ").append(Sizes.format(inUse));
        if (snapshot != null) {
            text.append(", requested ").append(Sizes.format(snapshot.requested()));
        }
        List<Consumer> top = snapshot != null ? snapshot.top() : allocators().stream().filter(c -> c.leaf() && c.bytes() > 0).limit(5).toList();
        if (!top.isEmpty()) {
            text.append("; largest consumers: ");
            for (int i = 0; i < top.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(top.get(i).name()).append(" ").append(Sizes.format(top.get(i).bytes()));
            }
        }
        text.append(". Raise memory_limit (SET memory_limit = '...'), raise max_temp_directory_size so more can be spilled, or lower threads or target_batch_rows");
        return new SpillwayException(ErrorKind.OUT_OF_MEMORY, text.toString(), cause);
    }

    @Override
    public void close() {
        root.close();
    }
}
