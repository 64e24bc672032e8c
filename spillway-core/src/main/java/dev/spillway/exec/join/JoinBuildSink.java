package dev.spillway.exec.join;

import dev.spillway.data.Batch;
import dev.spillway.data.Batches;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.pipeline.Sink;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import dev.spillway.memory.MemoryConsumer;
import dev.spillway.memory.MemoryTag;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Collects the build side of a join and, when it is complete, indexes it into a {@link JoinTable}
 * that every probe worker then reads concurrently.
 */
public final class JoinBuildSink implements Sink {
    private final String name;
    private final Schema schema;
    private final int[] keyColumns;
    private final boolean trackMatches;
    private final List<Batch> collected = new ArrayList<>();
    private MemoryConsumer memory;
    private JoinTable table;

    /** @param trackMatches whether probes record matched build rows (right and full outer joins) */
    public JoinBuildSink(String name, Schema schema, int[] keyColumns, boolean trackMatches) {
        this.name = name;
        this.schema = schema;
        this.keyColumns = keyColumns.clone();
        this.trackMatches = trackMatches;
    }

    private synchronized BufferAllocator allocator(QueryContext context) {
        if (memory == null) {
            memory = context.consumer(name, MemoryTag.JOIN, null);
        }
        return memory.allocator();
    }

    @Override
    public Worker newWorker(QueryContext context) {
        BufferAllocator target = allocator(context);
        return batch -> {
            // Re-home the batch so the build side's memory is accounted to this operator.
            Batch owned = dev.spillway.data.Batches.transfer(batch, target);
            synchronized (JoinBuildSink.this) {
                collected.add(owned);
            }
        };
    }

    @Override
    public synchronized void finish(QueryContext context) {
        Batch all = Batches.concat(schema, collected, allocator(context));
        collected.forEach(Batch::close);
        collected.clear();
        try {
            table = new JoinTable(all, keyColumns, trackMatches, allocator(context));
        } catch (RuntimeException | Error e) {
            all.close();
            throw e;
        }
    }

    /** The indexed build side; valid after {@link #finish}. */
    synchronized JoinTable table() {
        if (table == null) {
            throw new IllegalStateException("join build side " + name + " is not finished");
        }
        return table;
    }

    @Override
    public synchronized void close() {
        collected.forEach(Batch::close);
        collected.clear();
        if (table != null) {
            table.close();
            table = null;
        }
        if (memory != null) {
            memory.close();
        }
    }
}
