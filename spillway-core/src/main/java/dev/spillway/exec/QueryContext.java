package dev.spillway.exec;

import static java.util.Objects.requireNonNull;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.exec.profile.QueryProfile;
import java.util.concurrent.atomic.AtomicReference;
import dev.spillway.memory.MemoryConsumer;
import dev.spillway.memory.MemoryPool;
import dev.spillway.memory.MemoryTag;
import dev.spillway.memory.Spillable;
import dev.spillway.spill.TempStorage;
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
    private final MemoryPool pool;
    private final TempStorage tempStorage;
    private final MemoryConsumer scanMemory;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final QueryProfile profile;
    private final ScanProgress scanProgress = new ScanProgress();
    private volatile boolean cancelled;

    public QueryContext(long queryId, ExecutionConfig config, MemoryPool pool, TempStorage tempStorage) {
        this(queryId, config, pool, tempStorage, null);
    }

    /** @param profile where operators record rows and time ({@code EXPLAIN ANALYZE}), or null */
    public QueryContext(long queryId, ExecutionConfig config, MemoryPool pool, TempStorage tempStorage, QueryProfile profile) {
        this.queryId = queryId;
        this.profile = profile;
        this.config = requireNonNull(config, "config is null");
        this.pool = requireNonNull(pool, "pool is null");
        this.tempStorage = requireNonNull(tempStorage, "tempStorage is null");
        this.allocator = pool.newQueryAllocator("query-" + queryId);
        this.scanMemory = pool.register("query-" + queryId + "/scan", MemoryTag.SCAN, allocator, null);
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

    /** Registers an operator's memory (its own allocator under the query's) with the pool; close it with the operator. */
    public MemoryConsumer consumer(String name, MemoryTag tag, Spillable spillable) {
        MemoryConsumer consumer = pool.register("query-" + queryId + "/" + name, tag, allocator, spillable);
        if (profile != null) {
            profile.registered(name, consumer);
        }
        return consumer;
    }

    public ScanProgress scanProgress() {
        return scanProgress;
    }

    /** Registers a scan's tasks with the progress display's total; called while the pipelines are built. */
    public void plannedScan(java.util.List<dev.spillway.io.ScanTask> tasks) {
        scanProgress.planned(tasks);
    }

    /** Counts rows read by a scan. */
    public void scanned(int rows) {
        scanProgress.read(rows);
    }

    /** A scan task has been read to its end. */
    public void scanTaskDone(dev.spillway.io.ScanTask task) {
        scanProgress.taskDone(task);
    }

    /** The profile an analyzed query records into, or null. */
    public QueryProfile profile() {
        return profile;
    }

    /** Where scans allocate what they read. */
    public BufferAllocator scanAllocator() {
        return scanMemory.allocator();
    }

    public TempStorage tempStorage() {
        return tempStorage;
    }

    public MemoryPool pool() {
        return pool;
    }

    /** Releases the query-level consumers; the query allocator is closed by the caller. */
    void closeScanMemory() {
        scanMemory.close();
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
