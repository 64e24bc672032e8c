package dev.spillway.exec.eval;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.memory.BufferAllocator;

/** Where evaluation allocates its result vectors, plus reusable per-thread scratch arrays. */
public final class EvalContext {
    private final BufferAllocator allocator;
    private int[] selection = new int[0];

    public EvalContext(BufferAllocator allocator) {
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    /** A scratch int array of at least {@code size} entries; its contents are undefined. */
    public int[] selectionScratch(int size) {
        if (selection.length < size) {
            selection = new int[Math.max(size, selection.length * 2)];
        }
        return selection;
    }
}
