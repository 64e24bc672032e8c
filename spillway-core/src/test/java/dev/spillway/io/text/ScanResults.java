package dev.spillway.io.text;

import dev.spillway.data.Batch;
import dev.spillway.data.Values;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.io.TableSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;

/** Test helper: scans a whole source (all columns) into rows of canonical Java values, in task order. */
public final class ScanResults {
    private ScanResults() {}

    public static List<List<Object>> readAll(TableSource source, BufferAllocator allocator) {
        return readAll(source, allocator, 32L << 20, 1024);
    }

    public static List<List<Object>> readAll(TableSource source, BufferAllocator allocator, long taskBytes, int batchRows) {
        List<Integer> all = IntStream.range(0, source.schema().size()).boxed().toList();
        return read(source, all, allocator, taskBytes, batchRows);
    }

    public static List<List<Object>> read(TableSource source, List<Integer> projection, BufferAllocator allocator, long taskBytes,
            int batchRows) {
        List<ScanTask> tasks = source.plan(new ScanSpec(projection, List.of(), batchRows, taskBytes));
        List<List<Object>> rows = new ArrayList<>();
        ScanContext context = new ScanContext(allocator, batchRows, () -> false);
        for (ScanTask task : tasks) {
            try (BatchReader reader = task.open(context)) {
                for (Batch next = reader.next(); next != null; next = reader.next()) {
                    try (Batch batch = next) {
                        for (int row = 0; row < batch.rowCount(); row++) {
                            Object[] values = new Object[batch.columnCount()];
                            for (int column = 0; column < values.length; column++) {
                                values[column] = Values.get(batch.column(column), batch.schema().type(column), row);
                            }
                            rows.add(Arrays.asList(values));
                        }
                    }
                }
            }
        }
        return rows;
    }
}
