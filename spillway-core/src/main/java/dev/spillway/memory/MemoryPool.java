package dev.spillway.memory;

import dev.spillway.api.Sizes;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.AllocationOutcome;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;

/**
 * The memory of one engine instance: an Arrow root allocator limited to {@code memory_limit}, with a
 * child allocator per query and, below it, per operator. Every off-heap buffer of every query is
 * counted against the one limit; what each consumer holds is visible by name.
 */
public final class MemoryPool implements AutoCloseable {
    private final RootAllocator root;
    /**
     * The pool as it was when an allocation last failed. A failed query frees its memory before it reports the
     * error, so the report is built from this rather than from the pool's state by then.
     */
    private volatile Snapshot lastFailure;

    public MemoryPool(long limit) {
        this.root = new RootAllocator(new AllocationListener() {
            @Override
            public boolean onFailedAllocation(long size, AllocationOutcome outcome) {
                lastFailure = new Snapshot(used(), consumers());
                return false;
            }
        }, limit);
    }

    /** Bytes in use and the consumers holding them, at one moment. */
    private record Snapshot(long used, List<Consumer> consumers) {}

    public long limit() {
        return root.getLimit();
    }

    public void setLimit(long limit) {
        root.setLimit(limit);
    }

    public long used() {
        return root.getAllocatedMemory();
    }

    public long peak() {
        return root.getPeakMemoryAllocation();
    }

    public BufferAllocator newQueryAllocator(String name) {
        return root.newChildAllocator(name, 0, Long.MAX_VALUE);
    }

    /** Every allocator below the root (queries and their operators) with its current bytes, largest first. */
    public List<Consumer> consumers() {
        List<Consumer> consumers = new ArrayList<>();
        collect(root, "", consumers);
        consumers.sort(Comparator.comparingLong(Consumer::bytes).reversed());
        return consumers;
    }

    private static void collect(BufferAllocator allocator, String prefix, List<Consumer> out) {
        for (BufferAllocator child : allocator.getChildAllocators()) {
            String name = prefix.isEmpty() ? child.getName() : prefix + "/" + child.getName();
            out.add(new Consumer(name, child.getAllocatedMemory(), child.getChildAllocators().isEmpty()));
            collect(child, name, out);
        }
    }

    /** A named holder of memory; {@code leaf} when it has no children (an operator, usually). */
    public record Consumer(String name, long bytes, boolean leaf) {}

    /** The user-facing error for an allocation that did not fit, naming the largest consumers. */
    public SpillwayException outOfMemory(OutOfMemoryException cause) {
        Snapshot snapshot = lastFailure != null ? lastFailure : new Snapshot(used(), consumers());
        StringBuilder text = new StringBuilder("out of memory: the query needs more than memory_limit (")
                .append(Sizes.format(limit())).append(") allows; in use ").append(Sizes.format(snapshot.used()));
        List<Consumer> top = snapshot.consumers().stream().filter(Consumer::leaf).limit(5).toList();
        if (!top.isEmpty()) {
            text.append("; largest consumers: ");
            for (int i = 0; i < top.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(top.get(i).name()).append(" ").append(Sizes.format(top.get(i).bytes()));
            }
        }
        text.append(". Raise memory_limit (SET memory_limit = '...'), lower threads or target_batch_rows");
        return new SpillwayException(ErrorKind.OUT_OF_MEMORY, text.toString(), cause);
    }

    @Override
    public void close() {
        root.close();
    }
}
