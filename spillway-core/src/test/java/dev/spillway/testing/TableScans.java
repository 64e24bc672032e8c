package dev.spillway.testing;

import dev.spillway.data.Batch;
import dev.spillway.data.Values;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.io.TableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;

/** Reads whole table sources in tests: every task, in plan order, as rows of canonical Java values. */
public final class TableScans {
    private TableScans() {}

    /** A spec that projects all columns, no filters, the given batch size, one task per ~64 MB. */
    public static ScanSpec allColumns(TableSource source, int batchRows) {
        return new ScanSpec(IntStream.range(0, source.schema().size()).boxed().toList(), List.of(), batchRows, 64L << 20);
    }

    public static List<List<Object>> readRows(TableSource source, ScanSpec spec, BufferAllocator allocator) {
        List<List<Object>> rows = new ArrayList<>();
        forEachBatch(source.plan(spec), spec.batchRows(), allocator, batch -> rows.addAll(rows(batch)));
        return rows;
    }

    public static void forEachBatch(List<ScanTask> tasks, int batchRows, BufferAllocator allocator, Consumer<Batch> consumer) {
        ScanContext context = new ScanContext(allocator, batchRows, () -> false);
        for (ScanTask task : tasks) {
            try (BatchReader reader = task.open(context)) {
                Batch batch;
                while ((batch = reader.next()) != null) {
                    try (Batch owned = batch) {
                        consumer.accept(owned);
                    }
                }
            }
        }
    }

    public static List<List<Object>> rows(Batch batch) {
        List<List<Object>> rows = new ArrayList<>(batch.rowCount());
        for (int row = 0; row < batch.rowCount(); row++) {
            List<Object> values = new ArrayList<>(batch.columnCount());
            for (int column = 0; column < batch.columnCount(); column++) {
                values.add(Values.get(batch.column(column), batch.schema().type(column), row));
            }
            rows.add(values);
        }
        return rows;
    }
}
