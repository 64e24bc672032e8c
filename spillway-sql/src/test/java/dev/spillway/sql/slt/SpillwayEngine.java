package dev.spillway.sql.slt;

import dev.spillway.api.DataFrame;
import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.QueryResult;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.api.StatementResult;
import dev.spillway.data.Batch;
import dev.spillway.api.BatchStream;
import dev.spillway.io.parquet.ParquetBatchWriter;
import dev.spillway.io.parquet.ParquetWriteOptions;
import dev.spillway.types.Field;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/** A fresh Spillway session per golden file (2 threads: the machines running the suite are shared). */
final class SpillwayEngine implements SltEngine {
    private static final long MEMORY_LIMIT = 1L << 30;

    private final Session session = Spillway.open(ExecutionConfig.defaults().withThreads(2).withMemoryLimit(MEMORY_LIMIT));

    Session session() {
        return session;
    }

    @Override
    public void statement(String sql) {
        if (session.execute(sql) instanceof StatementResult.Rows rows) {
            rows.frame().collect();
        }
    }

    @Override
    public SltResult query(String sql) {
        if (!(session.execute(sql) instanceof StatementResult.Rows rows)) {
            throw new AssertionError("not a query: " + sql);
        }
        QueryResult result = rows.frame().collect();
        return SltResult.of(result.schema().fields().stream().map(Field::type).toList(), result.rows());
    }

    /** Writes the query's rows to a Parquet file with Spillway's writer, for both engines to read. */
    void writeParquet(String sql, Path file) {
        DataFrame frame = session.sql(sql);
        try (BufferAllocator allocator = session.memoryPool().newQueryAllocator("slt parquet file");
                BatchStream stream = frame.stream();
                ParquetBatchWriter writer = new ParquetBatchWriter(file, stream.schema(), ParquetWriteOptions.defaults(), allocator)) {
            while (stream.hasNext()) {
                try (Batch batch = stream.next()) {
                    writer.write(batch);
                }
            }
            writer.commit();
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
