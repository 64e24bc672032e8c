package dev.spillway.api;

import dev.spillway.api.output.CsvFileWriter;
import dev.spillway.data.Batch;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.TableWriter;
import dev.spillway.io.parquet.ParquetBatchWriter;
import dev.spillway.io.parquet.ParquetWriteOptions;
import dev.spillway.memory.MemoryConsumer;
import dev.spillway.memory.MemoryTag;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.types.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@code COPY (query) TO 'path'}: streams the query's batches into a file writer as they arrive, so
 * memory stays bounded by the query's own needs plus one Parquet row group, whatever the result size.
 * The file appears at the path only when every row is written; a failed or cancelled query leaves the
 * previous file, or none, in place.
 */
final class CopyTo {
    private static final AtomicLong COPY_IDS = new AtomicLong();

    private CopyTo() {}

    /** @return the number of rows written */
    static long run(Session session, LogicalPlan plan, String path, CopyOptions options) {
        Path target = checkedTarget(path);
        String name = "copy-" + COPY_IDS.incrementAndGet();
        try (BufferAllocator allocator = session.memoryPool().newQueryAllocator(name);
                MemoryConsumer memory = session.memoryPool().register(name + "/writer " + target.getFileName(), MemoryTag.WRITE, allocator, null);
                BatchStream stream = session.execute(plan);
                TableWriter writer = open(target, stream.schema(), options, memory.allocator())) {
            long rows = 0;
            while (stream.hasNext()) {
                try (Batch batch = stream.next()) {
                    writer.write(batch);
                    rows += batch.rowCount();
                }
            }
            writer.commit();
            return rows;
        }
    }

    private static TableWriter open(Path target, Schema schema, CopyOptions options, BufferAllocator allocator) {
        return switch (options.format()) {
            case PARQUET -> new ParquetBatchWriter(target, schema,
                    ParquetWriteOptions.defaults().withCompression(options.compression()).withRowGroupBytes(options.rowGroupBytes()), allocator);
            case CSV -> new CsvFileWriter(target, schema, options.delimiter(), options.header());
        };
    }

    /** Fails before the query starts when the file could not be written anyway. */
    private static Path checkedTarget(String path) {
        Path target = Path.of(path).toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw SpillwayException.userError("cannot write '%s': the folder %s does not exist", path, folder);
        }
        if (Files.isDirectory(target)) {
            throw SpillwayException.userError("cannot write '%s': it is a folder", path);
        }
        if (!Files.isWritable(folder)) {
            throw SpillwayException.userError("cannot write '%s': the folder %s is not writable", path, folder);
        }
        return target;
    }
}
