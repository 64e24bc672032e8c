package dev.spillway.spill;

import dev.spillway.data.Batch;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.BatchReader;
import dev.spillway.types.Schema;
import java.io.IOException;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/** Reads a spill file's batches back, one at a time; each returned batch is owned by the caller. */
public final class SpillReader implements BatchReader {
    private final SpillFile file;
    private final Schema schema;
    private final BufferAllocator allocator;
    private final ArrowStreamReader reader;

    SpillReader(SpillFile file, Schema schema, BufferAllocator allocator) {
        this.file = file;
        this.schema = schema;
        this.allocator = allocator;
        try {
            var input = new com.github.luben.zstd.ZstdInputStream(
                    new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file.path(), StandardOpenOption.READ), 1 << 16));
            this.reader = new ArrowStreamReader(input, allocator);
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot read spill file " + file.path() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Batch next() {
        try {
            if (!reader.loadNextBatch()) {
                return null;
            }
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            int rows = root.getRowCount();
            FieldVector[] columns = new FieldVector[schema.size()];
            for (int i = 0; i < columns.length; i++) {
                var transfer = root.getVector(i).getTransferPair(allocator);
                transfer.transfer();
                columns[i] = (FieldVector) transfer.getTo();
            }
            return new Batch(schema, columns, rows);
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot read spill file " + file.path() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot close spill file " + file.path() + ": " + e.getMessage(), e);
        }
    }
}
