package dev.spillway.io.parquet;

import static java.util.Objects.requireNonNull;

import dev.spillway.data.Batch;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.AtomicFiles;
import dev.spillway.io.TableWriter;
import dev.spillway.types.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.MessageType;

/**
 * Writes a stream of batches of one schema to a Parquet file, atomically.
 *
 * <p>The file is written under a hidden temporary name in the target's directory and renamed over the
 * target by {@link #commit()}; {@link #abort()}, or closing without committing, deletes it, so readers
 * never see a half-written file. Values go column by column to parquet-java's column writers (dictionary
 * encoding where parquet-java chooses it, statistics on); a row group is flushed to the file once its
 * buffered size reaches {@link ParquetWriteOptions#rowGroupBytes()}, which bounds memory whatever the
 * output size. Those buffers come from a child of the given allocator.
 *
 * <pre>{@code
 * try (ParquetBatchWriter writer = new ParquetBatchWriter(path, schema, ParquetWriteOptions.defaults(), allocator)) {
 *     for (Batch batch : batches) { writer.write(batch); }   // the caller still owns (and closes) each batch
 *     writer.commit();
 * }
 * }</pre>
 */
public final class ParquetBatchWriter implements TableWriter {
    /** Rows handed to the column writers between page-size checks. */
    private static final int CHUNK_ROWS = 4096;

    private final Path target;
    private final Path temporary;
    private final Schema schema;
    private final ParquetWriteOptions options;
    private final MessageType parquetSchema;
    private final List<ColumnDescriptor> descriptors;
    private final BufferAllocator allocator;
    private final ArrowByteBufferAllocator buffers;
    private final CodecFactory codecs;
    private final ParquetProperties properties;
    private final ChannelOutputFile output;
    private final ParquetFileWriter fileWriter;

    private ColumnChunkPageWriteStore pageStore;
    private ColumnWriteStore columnStore;
    private long rowsInGroup;
    private long rowsWritten;
    private boolean finished;
    private boolean cleanedUp;

    /**
     * Starts writing; nothing is visible at {@code target} before {@link #commit()}.
     *
     * @param allocator parent of the allocator that holds the buffered row group
     */
    public ParquetBatchWriter(Path target, Schema schema, ParquetWriteOptions options, BufferAllocator allocator) {
        this.target = requireNonNull(target, "target is null").toAbsolutePath();
        this.schema = requireNonNull(schema, "schema is null");
        this.options = requireNonNull(options, "options is null");
        requireNonNull(allocator, "allocator is null");
        this.parquetSchema = ParquetSchemas.toParquet(schema);
        this.descriptors = parquetSchema.getColumns();
        this.temporary = AtomicFiles.temporarySibling(this.target);
        this.allocator = allocator.newChildAllocator("parquet writer " + this.target.getFileName(), 0, Long.MAX_VALUE);
        this.buffers = new ArrowByteBufferAllocator(this.allocator);
        this.codecs = DirectCodecs.create(buffers, options.pageBytes());
        this.properties = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withDictionaryEncoding(true)
                .withPageSize(options.pageBytes())
                .withDictionaryPageSize(options.pageBytes())
                .withStatisticsEnabled(true)
                .withAllocator(buffers)
                .build();
        this.output = new ChannelOutputFile(temporary);
        ParquetFileWriter writer = null;
        try {
            writer = new ParquetFileWriter(output, parquetSchema, ParquetFileWriter.Mode.CREATE, options.rowGroupBytes(), 0, null,
                    properties);
            writer.start();
            this.fileWriter = writer;
            startRowGroup();
        } catch (IOException e) {
            cleanUp();
            deleteQuietly(temporary);
            throw SpillwayException.ioError("cannot create " + temporary + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            cleanUp();
            deleteQuietly(temporary);
            throw e;
        }
    }

    @Override
    public void write(Batch batch) {
        requireNonNull(batch, "batch is null");
        if (finished) {
            throw new IllegalStateException("writer for " + target + " is already committed or aborted");
        }
        if (!batch.schema().types().equals(schema.types())) {
            throw new IllegalArgumentException("batch schema " + batch.schema() + " does not match the file's " + schema);
        }
        try {
            int rows = batch.rowCount();
            for (int from = 0; from < rows; from += CHUNK_ROWS) {
                int to = Math.min(rows, from + CHUNK_ROWS);
                for (int column = 0; column < descriptors.size(); column++) {
                    ColumnValueWriter.write(batch.column(column), schema.type(column), from, to,
                            columnStore.getColumnWriter(descriptors.get(column)));
                }
                for (int row = from; row < to; row++) {
                    columnStore.endRecord();
                }
                rowsInGroup += to - from;
                rowsWritten += to - from;
            }
            if (columnStore.getBufferedSize() >= options.rowGroupBytes()) {
                flushRowGroup();
                startRowGroup();
            }
        } catch (IOException e) {
            abort();
            throw SpillwayException.ioError("cannot write " + temporary + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            abort();
            throw e;
        }
    }

    /** Rows written so far. */
    public long rowsWritten() {
        return rowsWritten;
    }

    @Override
    public void commit() {
        if (finished) {
            throw new IllegalStateException("writer for " + target + " is already committed or aborted");
        }
        try {
            flushRowGroup();
            fileWriter.end(Map.of("created_by.spillway", "spillway"));
            output.sync();
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            finished = true;
        } catch (IOException e) {
            abort();
            throw SpillwayException.ioError("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            abort();
            throw e;
        } finally {
            cleanUp();
        }
    }

    @Override
    public void abort() {
        finished = true;
        cleanUp();
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot delete temporary file " + temporary + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!finished) {
            abort();
        }
        cleanUp();
    }

    private void startRowGroup() {
        var compressor = codecs.getCompressor(options.compression().codec());
        pageStore = ColumnChunkPageWriteStore.builder()
                .withCompressorProvider(column -> compressor)
                .withSchema(parquetSchema)
                .withAllocator(buffers)
                .withColumnIndexTruncateLength(properties.getColumnIndexTruncateLength())
                .withPageWriteChecksumEnabled(properties.getPageWriteChecksumEnabled())
                .build();
        columnStore = properties.newColumnWriteStore(parquetSchema, pageStore, pageStore);
        rowsInGroup = 0;
    }

    private void flushRowGroup() throws IOException {
        if (rowsInGroup > 0) {
            fileWriter.startBlock(rowsInGroup);
            columnStore.flush();
            pageStore.flushToFileWriter(fileWriter);
            fileWriter.endBlock();
        }
        closeStores();
    }

    private void closeStores() {
        if (columnStore != null) {
            columnStore.close();
            columnStore = null;
        }
        if (pageStore != null) {
            pageStore.close();
            pageStore = null;
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Reporting the original failure matters more.
        }
    }

    /** Releases buffers and the file handle (idempotent). */
    private void cleanUp() {
        if (cleanedUp) {
            return;
        }
        cleanedUp = true;
        try {
            closeStores();
        } catch (RuntimeException ignored) {
            // Buffers are released below whatever parquet-java left behind.
        }
        output.closeQuietly();
        codecs.release();
        buffers.close();
        allocator.close();
    }
}
