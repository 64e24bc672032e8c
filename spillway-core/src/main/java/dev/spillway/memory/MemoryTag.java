package dev.spillway.memory;

/** What a memory consumer is, for {@code memory()} and error messages. */
public enum MemoryTag {
    /** Batches flowing between operators and to the result consumer. */
    EXCHANGE,
    /** File readers' buffers and decoded batches. */
    SCAN,
    HASH_TABLE,
    AGGREGATE,
    ORDER_BY,
    JOIN,
    WINDOW,
    WRITE,
    PAGE_CACHE,
    DOWNLOAD,
    UDF,
    /** Planning scratch memory (constant folding). */
    PLANNER
}
