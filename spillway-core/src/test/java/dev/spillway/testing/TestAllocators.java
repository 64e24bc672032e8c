package dev.spillway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** Allocators for tests that fail loudly when a test leaks off-heap memory. */
public final class TestAllocators {
    private TestAllocators() {}

    public static BufferAllocator newRoot() {
        return new RootAllocator(Long.MAX_VALUE);
    }

    /** Asserts nothing is still allocated, then closes the allocator (which itself fails on leaks). */
    public static void closeChecked(BufferAllocator allocator) {
        assertThat(allocator.getAllocatedMemory()).as("off-heap bytes still allocated by %s", allocator.getName()).isZero();
        allocator.close();
    }
}
