package dev.spillway.exec;

import dev.spillway.io.ScanTask;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * How far a query's scans have got, for progress displays: rows read, and scan tasks done out of those
 * planned, weighted by their estimated bytes when known. Every scan of the query is planned before the
 * first pipeline runs, so the total does not grow while the query runs.
 */
public final class ScanProgress {
    private final LongAdder rows = new LongAdder();
    private final LongAdder bytesDone = new LongAdder();
    private final AtomicLong bytesPlanned = new AtomicLong();
    private final LongAdder tasksDone = new LongAdder();
    private final AtomicLong tasksPlanned = new AtomicLong();

    void planned(List<ScanTask> tasks) {
        tasksPlanned.addAndGet(tasks.size());
        for (ScanTask task : tasks) {
            bytesPlanned.addAndGet(Math.max(0, task.estimatedBytes()));
        }
    }

    void read(int batchRows) {
        rows.add(batchRows);
    }

    void taskDone(ScanTask task) {
        tasksDone.increment();
        bytesDone.add(Math.max(0, task.estimatedBytes()));
    }

    public long rows() {
        return rows.sum();
    }

    /** Estimated bytes of the finished scan tasks. */
    public long bytesDone() {
        return bytesDone.sum();
    }

    public long bytesPlanned() {
        return bytesPlanned.get();
    }

    public long tasksDone() {
        return tasksDone.sum();
    }

    public long tasksPlanned() {
        return tasksPlanned.get();
    }
}
