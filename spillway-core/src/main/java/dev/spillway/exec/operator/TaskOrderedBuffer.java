package dev.spillway.exec.operator;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Puts batches from parallel workers back into task order. Batches of the lowest unfinished task go
 * straight to the output; those of later tasks wait here. When more than {@code maxPendingBytes} wait,
 * workers of later tasks pause until the earlier task finishes, which bounds memory.
 */
final class TaskOrderedBuffer implements AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final Map<Integer, List<Batch>> pending = new HashMap<>();
    private final Set<Integer> finished = new HashSet<>();
    private final long maxPendingBytes;
    private final QueryContext context;
    private int nextTask;
    private long pendingBytes;

    TaskOrderedBuffer(long maxPendingBytes, QueryContext context) {
        this.maxPendingBytes = maxPendingBytes;
        this.context = context;
    }

    /** Emits the batch now if its task is next, else keeps it; takes ownership. */
    void accept(int task, Batch batch, Consumer<Batch> output) {
        lock.lock();
        try {
            while (task != nextTask && pendingBytes > maxPendingBytes && !context.isCancelled()) {
                advanced.await(20, TimeUnit.MILLISECONDS);
            }
            if (task == nextTask) {
                output.accept(batch);
            } else {
                pending.computeIfAbsent(task, t -> new ArrayList<>()).add(batch);
                pendingBytes += batch.sizeInBytes();
            }
        } catch (InterruptedException e) {
            batch.close();
            Thread.currentThread().interrupt();
            context.cancel();
        } finally {
            lock.unlock();
        }
    }

    /** Marks the task done and emits the waiting batches that are now next in order. */
    void endTask(int task, Consumer<Batch> output) {
        lock.lock();
        try {
            finished.add(task);
            while (finished.remove(nextTask)) {
                nextTask++;
                List<Batch> waiting = pending.remove(nextTask);
                if (waiting != null) {
                    for (int i = 0; i < waiting.size(); i++) {
                        Batch batch = waiting.get(i);
                        pendingBytes -= batch.sizeInBytes();
                        try {
                            output.accept(batch);
                        } catch (RuntimeException | Error e) {
                            waiting.subList(i + 1, waiting.size()).forEach(Batch::close);
                            throw e;
                        }
                    }
                }
            }
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            pending.values().forEach(list -> list.forEach(Batch::close));
            pending.clear();
            pendingBytes = 0;
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
