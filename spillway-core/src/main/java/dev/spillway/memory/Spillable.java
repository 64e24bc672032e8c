package dev.spillway.memory;

/**
 * A consumer that can give memory back by writing state to disk. The pool calls {@link #spill} from
 * whatever thread needs memory; implementations spill state nobody is using right now (finished
 * partitions, buffered runs) immediately, and make their active workers spill at the next safe point
 * via {@link MemoryConsumer#spillRequested()}.
 */
public interface Spillable {
    /** Frees what can be freed now, aiming for {@code bytes}; returns the bytes released. */
    long spill(long bytes);
}
