package dev.spillway.exec.aggregate;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.pipeline.Source;
import dev.spillway.io.BatchReader;
import dev.spillway.types.DataType;
import dev.spillway.types.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The output of a hash aggregation whose worker tables were split into hash partitions: each
 * partition is one task, and the worker that takes it combines the partition's partial states into
 * final groups. Partitions hold disjoint groups, so they are combined in parallel without sharing.
 */
final class PartitionMergeSource implements Source {
    private final List<List<Batch>> partitions;
    private final int[] keyColumns;
    private final List<DataType> keyTypes;
    private final List<AggregateSpec> combining;
    private final Schema outputSchema;
    private final BufferAllocator workAllocator;
    private final QueryContext context;
    private final AtomicInteger next = new AtomicInteger();

    PartitionMergeSource(List<List<Batch>> partitions, int[] keyColumns, List<DataType> keyTypes, List<AggregateSpec> combining,
            Schema outputSchema, BufferAllocator workAllocator, QueryContext context) {
        this.partitions = new ArrayList<>(partitions);
        this.keyColumns = keyColumns;
        this.keyTypes = keyTypes;
        this.combining = combining;
        this.outputSchema = outputSchema;
        this.workAllocator = workAllocator;
        this.context = context;
    }

    @Override
    public BatchReader nextTask() {
        int index = next.getAndIncrement();
        if (index >= partitions.size()) {
            return null;
        }
        List<Batch> input;
        synchronized (this) {
            input = partitions.set(index, List.of());
        }
        return new BatchReader() {
            private List<Batch> pending = input;
            private Deque<Batch> output;

            @Override
            public Batch next() {
                if (output == null) {
                    output = new ArrayDeque<>(combine(pending));
                    pending = List.of();
                }
                return output.pollFirst();
            }

            @Override
            public void close() {
                pending.forEach(Batch::close);
                pending = List.of();
                if (output != null) {
                    output.forEach(Batch::close);
                    output.clear();
                }
            }
        };
    }

    private List<Batch> combine(List<Batch> input) {
        try (GroupedAggregation table = new GroupedAggregation(keyColumns, keyTypes, combining, workAllocator)) {
            for (int i = 0; i < input.size(); i++) {
                context.checkRunning();
                table.add(input.get(i));
                input.get(i).close();
            }
            return table.emit(false, outputSchema, context.allocator());
        }
    }

    @Override
    public boolean ordered() {
        return false;
    }

    @Override
    public int maxParallelism() {
        return partitions.size();
    }

    @Override
    public synchronized void close() {
        partitions.forEach(list -> list.forEach(Batch::close));
        partitions.clear();
    }
}
