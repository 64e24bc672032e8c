package dev.spillway.exec;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.data.Batch;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.exec.operator.BatchChannel;
import dev.spillway.exec.operator.ResultSink;
import dev.spillway.exec.pipeline.Pipeline;
import dev.spillway.exec.pipeline.PipelineRunner;
import dev.spillway.exec.plan.PhysicalPlan;
import dev.spillway.exec.plan.PipelineBuilder;
import dev.spillway.exec.profile.QueryProfile;
import dev.spillway.memory.MemoryPool;
import dev.spillway.spill.TempStorage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * One running query: a driver thread runs its pipelines in order while the caller reads result
 * batches. Closing it (after the last batch, on error, or early to cancel) stops the workers, frees
 * every operator's state and checks that the query's allocator is empty.
 */
public final class QueryExecution implements AutoCloseable {
    private final QueryContext context;
    private final MemoryPool pool;
    private final PhysicalPlan plan;
    private final BatchChannel channel;
    private Thread driver;
    private volatile boolean closed;

    public QueryExecution(long id, PhysicalPlan plan, ExecutionConfig config, MemoryPool pool, TempStorage tempStorage) {
        this(id, plan, config, pool, tempStorage, null);
    }

    /** @param profile where operators record rows and time ({@code EXPLAIN ANALYZE}), or null */
    public QueryExecution(long id, PhysicalPlan plan, ExecutionConfig config, MemoryPool pool, TempStorage tempStorage, QueryProfile profile) {
        this.pool = pool;
        this.plan = plan;
        this.context = new QueryContext(id, config, pool, tempStorage, profile);
        this.channel = new BatchChannel(8, Math.max(config.targetMaxBatchBytes() * 4, 64L << 20));
    }

    public QueryContext context() {
        return context;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Starts the query on its own driver thread. */
    public void start() {
        driver = Thread.ofPlatform().name("spillway-q" + context.queryId() + "-driver").start(this::drive);
    }

    private void drive() {
        List<AutoCloseable> resources = new ArrayList<>();
        Throwable failure = null;
        try {
            PipelineBuilder builder = new PipelineBuilder(context);
            try {
                List<Pipeline> pipelines = builder.build(plan, ordered -> new ResultSink(channel, ordered, context));
                for (Pipeline pipeline : pipelines) {
                    context.checkRunning();
                    PipelineRunner.run(pipeline, context);
                }
            } finally {
                resources.addAll(builder.resources());
            }
        } catch (Throwable t) {
            // Translated before the operators' state is closed below, so that an out-of-memory error names the
            // consumers that held the memory (after closing they all hold none).
            failure = translate(t);
        } finally {
            Collections.reverse(resources);
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Throwable t) {
                    failure = failure == null ? translate(t) : failure;
                }
            }
        }
        channel.finish(failure);
    }

    private Throwable translate(Throwable failure) {
        Throwable recorded = context.failure() != null ? context.failure() : failure;
        if (recorded instanceof SpillwayException e && e.kind() == ErrorKind.CANCELLED && context.failure() != null
                && context.failure() != recorded) {
            recorded = context.failure();
        }
        Throwable cause = recorded;
        while (cause != null) {
            if (cause instanceof OutOfMemoryException oom) {
                return pool.outOfMemory(oom);
            }
            cause = cause.getCause();
        }
        return SpillwayException.wrap(recorded);
    }

    /** The next result batch (the caller must close it), or null after the last one; throws the query's error. */
    public Batch next() {
        return channel.take();
    }

    /** Cancels the query if it is still running and releases everything; fails if memory leaked. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        context.cancel();
        channel.close();
        if (driver != null) {
            boolean interrupted = false;
            while (driver.isAlive()) {
                try {
                    driver.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        BufferAllocator allocator = context.allocator();
        long leaked = allocator.getAllocatedMemory();
        long peak = allocator.getPeakMemoryAllocation();
        try {
            context.closeScanMemory();
            allocator.close();
        } catch (IllegalStateException e) {
            throw new SpillwayException(ErrorKind.INTERNAL, "query " + context.queryId() + " leaked " + leaked + " bytes: " + e.getMessage(), e);
        }
        context.pool().queryEnded(peak);
    }
}
