package dev.spillway.exec;

import static java.util.Objects.requireNonNull;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Everything one running query shares: its settings, its allocator (a child of the engine's root; it
 * must be empty when the query ends), and its cancellation state. The first failure wins and cancels
 * the rest of the query.
 */
public final class QueryContext {
    private final long queryId;
    private final ExecutionConfig config;
    private final BufferAllocator allocator;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean cancelled;

    public QueryContext(long queryId, ExecutionConfig config, BufferAllocator allocator) {
        this.queryId = queryId;
        this.config = requireNonNull(config, "config is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    public long queryId() {
        return queryId;
    }

    public ExecutionConfig config() {
        return config;
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    /** A child allocator for one operator, so its memory is visible by name. */
    public BufferAllocator newAllocator(String name) {
        return allocator.newChildAllocator(name, 0, Long.MAX_VALUE);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Stops the query; workers notice between batches. */
    public void cancel() {
        cancelled = true;
    }

    /** Records the failure (the first one is kept) and cancels the query. */
    public void fail(Throwable error) {
        failure.compareAndSet(null, error);
        cancel();
    }

    public Throwable failure() {
        return failure.get();
    }

    /** Throws the recorded failure, or a cancellation error, if the query should stop. */
    public void checkRunning() {
        if (cancelled) {
            Throwable error = failure.get();
            if (error != null) {
                throw SpillwayException.wrap(error);
            }
            throw new SpillwayException(ErrorKind.CANCELLED, "query cancelled");
        }
    }
}
