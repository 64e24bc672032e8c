package dev.spillway.io;

import static java.util.Objects.requireNonNull;

import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What a reader needs from the running query: where to allocate batches, the batch size, and a way
 * to notice cancellation between batches.
 */
public record ScanContext(BufferAllocator allocator, int batchRows, BooleanSupplier cancelled) {
    public ScanContext {
        requireNonNull(allocator, "allocator is null");
        requireNonNull(cancelled, "cancelled is null");
    }

    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }
}
