package dev.spillway.exec.profile;

import dev.spillway.exec.plan.PhysicalPlan;
import dev.spillway.memory.MemoryConsumer;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The per-operator profiles of one analyzed query ({@code EXPLAIN ANALYZE}), keyed by plan node. */
public final class QueryProfile {
    private final Map<PhysicalPlan, OperatorProfile> operators = new IdentityHashMap<>();
    private final Map<String, MemoryConsumer> consumers = new ConcurrentHashMap<>();
    private volatile long wallNanos;

    /** The node's profile, created on first use; called while the pipelines are built, on one thread. */
    public synchronized OperatorProfile of(PhysicalPlan node) {
        return operators.computeIfAbsent(node, key -> new OperatorProfile());
    }

    synchronized OperatorProfile find(PhysicalPlan node) {
        return operators.get(node);
    }

    /** Remembers a consumer (still readable after it is closed) so its peak and spills can be reported. */
    public void registered(String shortName, MemoryConsumer consumer) {
        consumers.put(shortName, consumer);
    }

    MemoryConsumer consumer(String shortName) {
        return shortName == null ? null : consumers.get(shortName);
    }

    java.util.Collection<MemoryConsumer> consumers() {
        return consumers.values();
    }

    public void finished(long nanos) {
        wallNanos = nanos;
    }

    long wallNanos() {
        return wallNanos;
    }
}
