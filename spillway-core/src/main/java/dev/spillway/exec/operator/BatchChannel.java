package dev.spillway.exec.operator;

import dev.spillway.data.Batch;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A queue of batches bounded by count and bytes between producers (query workers) and a consumer.
 * A full channel blocks producers (backpressure); closing it from either side wakes everyone, and
 * batches left inside are freed.
 */
public final class BatchChannel implements AutoCloseable {
    private final int maxBatches;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final Deque<Batch> queue = new ArrayDeque<>();
    private long bytes;
    private boolean finished;
    private boolean closed;
    private Throwable failure;

    public BatchChannel(int maxBatches, long maxBytes) {
        this.maxBatches = maxBatches;
        this.maxBytes = maxBytes;
    }

    /** Blocks while the channel is full; fails if the consumer went away. Takes ownership of the batch. */
    public void put(Batch batch) {
        long size = batch.sizeInBytes();
        lock.lock();
        try {
            while (!closed && !queue.isEmpty() && (queue.size() >= maxBatches || bytes + size > maxBytes)) {
                notFull.await(50, TimeUnit.MILLISECONDS);
            }
            if (closed) {
                batch.close();
                throw new SpillwayException(ErrorKind.CANCELLED, "the result consumer stopped reading");
            }
            queue.addLast(batch);
            bytes += size;
            notEmpty.signal();
        } catch (InterruptedException e) {
            batch.close();
            Thread.currentThread().interrupt();
            throw new SpillwayException(ErrorKind.CANCELLED, "interrupted while producing results");
        } finally {
            lock.unlock();
        }
    }

    /** No more batches will come; a non-null {@code error} is raised to the consumer at its next take. */
    public void finish(Throwable error) {
        lock.lock();
        try {
            finished = true;
            failure = error;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The next batch (owned by the caller), or null at the end; throws the producer's failure. */
    public Batch take() {
        lock.lock();
        try {
            while (queue.isEmpty() && !finished && !closed) {
                notEmpty.await();
            }
            if (failure != null) {
                throw SpillwayException.wrap(failure);
            }
            Batch batch = queue.pollFirst();
            if (batch != null) {
                bytes -= batch.sizeInBytes();
                notFull.signal();
            }
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpillwayException(ErrorKind.CANCELLED, "interrupted while waiting for results");
        } finally {
            lock.unlock();
        }
    }

    /** The consumer is done: frees queued batches and makes producers fail fast. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            while (!queue.isEmpty()) {
                queue.pollFirst().close();
            }
            bytes = 0;
            notFull.signalAll();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
