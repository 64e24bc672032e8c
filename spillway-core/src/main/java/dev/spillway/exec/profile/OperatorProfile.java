package dev.spillway.exec.profile;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one plan operator did in an analyzed run, summed over its worker threads: the rows and batches
 * it produced, and the wall and CPU time spent in its own code (time spent in the operators it pushes
 * batches to is not counted). Memory and spilling come from the operator's memory consumer, by name.
 */
public final class OperatorProfile {
    private final LongAdder rows = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder wallNanos = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();
    private volatile String consumerName;

    void produced(int batchRows) {
        rows.add(batchRows);
        batches.increment();
    }

    void spent(long wall, long cpu) {
        wallNanos.add(Math.max(0, wall));
        cpuNanos.add(Math.max(0, cpu));
    }

    /** Links the operator to the memory consumer registered under this name (e.g. {@code HashAggregate#1}). */
    public void consumer(String name) {
        consumerName = name;
    }

    String consumerName() {
        return consumerName;
    }

    public long rows() {
        return rows.sum();
    }

    public long batches() {
        return batches.sum();
    }

    public long wallNanos() {
        return wallNanos.sum();
    }

    public long cpuNanos() {
        return cpuNanos.sum();
    }
}
