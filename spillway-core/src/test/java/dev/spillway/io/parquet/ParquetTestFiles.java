package dev.spillway.io.parquet;

import dev.spillway.data.Batch;
import dev.spillway.data.BatchBuilder;
import dev.spillway.types.Schema;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Writes rows of canonical Java values to Parquet files with {@link ParquetBatchWriter}, in batches. */
final class ParquetTestFiles {
    private ParquetTestFiles() {}

    static void write(Path path, Schema schema, List<List<Object>> rows, ParquetWriteOptions options, int batchRows,
                      BufferAllocator allocator) {
        try (ParquetBatchWriter writer = new ParquetBatchWriter(path, schema, options, allocator)) {
            for (int start = 0; start < rows.size(); start += batchRows) {
                int end = Math.min(rows.size(), start + batchRows);
                try (BatchBuilder builder = new BatchBuilder(schema, end - start, allocator)) {
                    for (List<Object> row : rows.subList(start, end)) {
                        builder.appendRow(row);
                    }
                    try (Batch batch = builder.finish()) {
                        writer.write(batch);
                    }
                }
            }
            writer.commit();
        }
    }

    static void write(Path path, Schema schema, List<List<Object>> rows, BufferAllocator allocator) {
        write(path, schema, rows, ParquetWriteOptions.defaults(), 1000, allocator);
    }
}
