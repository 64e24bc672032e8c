package dev.spillway.exec.aggregate;

import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * How one hash aggregation lays out its data: the raw input (key columns, aggregate inputs), the partial
 * states that worker tables, merges and spill files exchange (keys first, then each aggregate's state
 * columns), and the final output.
 */
record AggregationLayout(String name, int[] keyColumns, List<Field> keyFields, List<AggregateSpec> specs, Schema outputSchema) {
    AggregationLayout {
        keyColumns = keyColumns.clone();
        keyFields = List.copyOf(keyFields);
        specs = List.copyOf(specs);
    }

    int keyCount() {
        return keyColumns.length;
    }

    List<DataType> keyTypes() {
        return keyFields.stream().map(Field::type).toList();
    }

    Schema partialSchema() {
        return GroupedAggregation.partialSchema(keyFields, specs);
    }

    /** A table over raw input batches. */
    GroupedAggregation inputTable(BufferAllocator allocator) {
        return new GroupedAggregation(keyColumns, keyTypes(), specs, allocator);
    }

    /** A table over partial-state batches: keys first, then each aggregate's states, combined. */
    GroupedAggregation combiningTable(BufferAllocator allocator) {
        int[] keys = new int[keyColumns.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = k;
        }
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
        return new GroupedAggregation(keys, keyTypes(), combining, allocator);
    }
}
