package dev.spillway.exec.aggregate;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.operator.BatchListSource;
import dev.spillway.exec.pipeline.Sink;
import dev.spillway.exec.pipeline.Source;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import dev.spillway.memory.MemoryConsumer;
import dev.spillway.memory.MemoryTag;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Hash aggregation (GROUP BY, DISTINCT, global aggregates).
 *
 * <p>Algorithm: every worker aggregates its batches into its own table, so there is no sharing while
 * input streams in. At the end the worker tables are combined: each one is emitted as partial states
 * (keys plus accumulator states) and folded into one final table, whose groups become the output.
 * With a single worker table its groups are emitted directly.
 */
public final class HashAggregateSink implements Sink {
    private final String name;
    private final int[] keyColumns;
    private final List<DataType> keyTypes;
    private final List<AggregateSpec> specs;
    private final Schema outputSchema;
    private final List<Field> keyFields;
    private final List<GroupedAggregation> finished = new ArrayList<>();
    private MemoryConsumer memory;
    private Source output;

    public HashAggregateSink(String name, int[] keyColumns, List<Field> keyFields, List<AggregateSpec> specs, Schema outputSchema) {
        this.name = name;
        this.keyColumns = keyColumns.clone();
        this.keyFields = List.copyOf(keyFields);
        this.keyTypes = keyFields.stream().map(Field::type).toList();
        this.specs = List.copyOf(specs);
        this.outputSchema = outputSchema;
    }

    private synchronized BufferAllocator allocator(QueryContext context) {
        if (memory == null) {
            memory = context.consumer(name, MemoryTag.AGGREGATE, null);
        }
        return memory.allocator();
    }

    @Override
    public Worker newWorker(QueryContext context) {
        GroupedAggregation local = new GroupedAggregation(keyColumns, keyTypes, specs, allocator(context));
        return new Worker() {
            private GroupedAggregation table = local;

            @Override
            public void accept(Batch batch) {
                try (batch) {
                    table.add(batch);
                }
            }

            @Override
            public void finishWorker() {
                synchronized (HashAggregateSink.this) {
                    finished.add(table);
                }
                table = null;
            }

            @Override
            public void close() {
                if (table != null) {
                    table.close();
                }
            }
        };
    }

    @Override
    public synchronized void finish(QueryContext context) {
        if (finished.size() == 1) {
            try (GroupedAggregation only = finished.remove(0)) {
                output = new BatchListSource(only.emit(false, outputSchema, context.allocator()), false);
            }
            return;
        }
        long groups = 0;
        for (GroupedAggregation table : finished) {
            groups += table.groupCount();
        }
        Schema partial = GroupedAggregation.partialSchema(keyFields, specs);
        List<AggregateSpec> combining = combiningSpecs();
        int[] combinedKeys = new int[keyColumns.length];
        for (int k = 0; k < combinedKeys.length; k++) {
            combinedKeys[k] = k;
        }
        if (keyColumns.length > 0 && groups >= PARALLEL_MERGE_GROUPS) {
            output = partitionedMerge(partial, combinedKeys, combining, context);
            return;
        }
        try (GroupedAggregation combined = new GroupedAggregation(combinedKeys, keyTypes, combining, allocator(context))) {
            while (!finished.isEmpty()) {
                try (GroupedAggregation table = finished.remove(finished.size() - 1)) {
                    for (Batch batch : table.emit(true, partial, allocator(context))) {
                        try (batch) {
                            combined.add(batch);
                        }
                    }
                }
                context.checkRunning();
            }
            output = new BatchListSource(combined.emit(false, outputSchema, context.allocator()), false);
        }
    }

    /** Worker tables with this many groups in total are combined partition by partition, in parallel. */
    private static final long PARALLEL_MERGE_GROUPS = 100_000;

    private Source partitionedMerge(Schema partial, int[] combinedKeys, List<AggregateSpec> combining, QueryContext context) {
        // About four partitions per thread, so uneven partitions still balance.
        int bits = Math.max(1, Math.min(8, 32 - Integer.numberOfLeadingZeros(context.config().threads() * 4 - 1)));
        List<List<Batch>> partitions = new ArrayList<>();
        for (int p = 0; p < 1 << bits; p++) {
            partitions.add(new ArrayList<>());
        }
        try {
            while (!finished.isEmpty()) {
                try (GroupedAggregation table = finished.remove(finished.size() - 1)) {
                    List<List<Batch>> split = table.emitPartitioned(bits, partial, allocator(context));
                    for (int p = 0; p < split.size(); p++) {
                        partitions.get(p).addAll(split.get(p));
                    }
                }
                context.checkRunning();
            }
        } catch (RuntimeException | Error e) {
            partitions.forEach(list -> list.forEach(Batch::close));
            throw e;
        }
        return new PartitionMergeSource(partitions, combinedKeys, keyTypes, combining, outputSchema, allocator(context), context);
    }

    /** The specs that fold partial states (keys first, then each aggregate's state columns) into final groups. */
    private List<AggregateSpec> combiningSpecs() {
        List<AggregateSpec> combining = new ArrayList<>();
        int column = keyColumns.length;
        for (AggregateSpec spec : specs) {
            int states = Accumulators.stateTypes(spec).size();
            int[] inputs = new int[states];
            for (int s = 0; s < states; s++) {
                inputs[s] = column++;
            }
            combining.add(spec.withInput(inputs, true));
        }
        return combining;
    }

    /** The aggregated rows; valid after {@link #finish}; the source is closed by the pipeline that reads it. */
    public synchronized Source output() {
        Source result = output;
        output = null;
        return result;
    }

    @Override
    public synchronized void close() {
        finished.forEach(GroupedAggregation::close);
        finished.clear();
        if (output != null) {
            output.close();
            output = null;
        }
        if (memory != null) {
            memory.close();
        }
    }
}
