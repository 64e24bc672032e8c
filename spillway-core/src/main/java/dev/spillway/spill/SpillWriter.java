package dev.spillway.spill;

import com.github.luben.zstd.ZstdOutputStream;
import dev.spillway.data.Batch;
import dev.spillway.errors.SpillwayException;
import dev.spillway.types.ArrowTypes;
import dev.spillway.types.Schema;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/**
 * Appends batches to a spill file: an Arrow IPC stream compressed as a whole with streaming ZSTD.
 * Serializing only references the batch's buffers, so writing never allocates Arrow memory, and it
 * cannot fail half-way leaving compressed buffers behind, which matters because spilling happens
 * exactly when memory is short. The batches stay owned by the caller.
 */
public final class SpillWriter implements AutoCloseable {
    /** ZSTD level 1: fast enough to keep up with the disk, still a good ratio on columnar data. */
    private static final int ZSTD_LEVEL = 1;

    private final SpillFile file;
    private final CountingStream counting;
    private final OutputStream compressed;
    private final WriteChannel out;
    private long charged;
    private boolean closed;

    SpillWriter(SpillFile file, Schema schema) {
        this.file = file;
        try {
            this.counting = new CountingStream(new BufferedOutputStream(
                    Files.newOutputStream(file.path(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16));
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot create spill file " + file.path() + ": " + e.getMessage(), e);
        }
        try {
            this.compressed = new ZstdOutputStream(counting, ZSTD_LEVEL);
            this.out = new WriteChannel(Channels.newChannel(compressed));
            MessageSerializer.serialize(out, ArrowTypes.arrowSchema(schema));
            charge(0);
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw asSpillwayError(e);
        }
    }

    public void write(Batch batch) {
        List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>();
        List<FieldVector> vectors = new ArrayList<>();
        for (int i = 0; i < batch.columnCount(); i++) {
            FieldVector vector = batch.column(i);
            fields.add(vector.getField());
            vectors.add(vector);
        }
        // The root only borrows the batch's vectors for unloading; it is not closed.
        VectorSchemaRoot root = new VectorSchemaRoot(fields, vectors, batch.rowCount());
        try (ArrowRecordBatch record = new VectorUnloader(root).getRecordBatch()) {
            MessageSerializer.serialize(out, record);
            charge(batch.rowCount());
        } catch (IOException e) {
            throw asSpillwayError(e);
        }
    }

    /** Charges the compressed bytes that reached the file since the last call against the quota. */
    private void charge(int rows) {
        long written = counting.count();
        file.wrote(written - charged, rows);
        charged = written;
    }

    private SpillwayException asSpillwayError(Exception e) {
        if (e instanceof SpillwayException spillway) {
            return spillway;
        }
        return SpillwayException.ioError("cannot write spill file " + file.path() + ": " + e.getMessage(), e);
    }

    /** Ends the stream; the file can then be read. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ArrowStreamWriter.writeEndOfStream(out, IpcOption.DEFAULT);
            compressed.close();
            file.wroteTrailer(counting.count() - charged);
        } catch (IOException e) {
            throw asSpillwayError(e);
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            counting.close();
        } catch (IOException e) {
            // Nothing more can be lost: the file is deleted with its SpillFile.
        }
    }

    /** Counts the bytes that go to the file (after compression), for the quota and the file's size. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
    }
}
