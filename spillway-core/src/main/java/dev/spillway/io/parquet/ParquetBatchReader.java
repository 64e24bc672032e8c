package dev.spillway.io.parquet;

import static java.util.Objects.requireNonNull;

import dev.spillway.data.Batch;
import dev.spillway.data.DictionaryCodes;
import dev.spillway.data.LazyColumn;
import dev.spillway.data.Vectors;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.types.Schema;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * Reads the row groups of one scan task into batches of the projected columns.
 *
 * <p>For each row group, one {@link ColumnChunkReader} per projected column streams that column's pages
 * from the file and decodes them batch by batch. Batches never span row groups. Memory while reading,
 * all from a child of the scan's allocator: per projected column about one compressed and one
 * decompressed page and the dictionary, plus the batch being built.
 * Cancellation is checked before each batch. Everything is released on close, also after errors.
 */
public final class ParquetBatchReader implements BatchReader {
    private final ParquetFile file;
    private final int[] rowGroups;
    private final List<ParquetColumn> columns;
    private final Schema schema;
    private final ScanContext context;
    /** By output position: whether batches carry the column's dictionary codes (and strings stay codes until used). */
    private final boolean[] coded;
    private final int batchRows;
    private final BufferAllocator internal;
    private final ArrowByteBufferAllocator codecBuffers;
    private final CodecFactory codecs;
    private final FileChannel channel;

    private int nextRowGroup;
    private int currentRowGroup = -1;
    private long rowsLeftInGroup;
    private final ColumnChunkReader[] readers;
    private final long[] bytesPerValue;
    private boolean closed;

    ParquetBatchReader(ParquetFile file, int[] rowGroups, List<ParquetColumn> columns, Schema schema, ScanContext context,
                       int batchRows, Set<Integer> codedColumns) {
        this.file = requireNonNull(file, "file is null");
        this.rowGroups = rowGroups.clone();
        this.columns = List.copyOf(columns);
        this.schema = requireNonNull(schema, "schema is null");
        this.context = requireNonNull(context, "context is null");
        this.coded = new boolean[columns.size()];
        for (int column : codedColumns) {
            coded[column] = true;
        }
        this.batchRows = batchRows;
        this.readers = new ColumnChunkReader[columns.size()];
        this.bytesPerValue = new long[columns.size()];
        java.util.Arrays.fill(bytesPerValue, 16);
        this.internal = context.allocator().newChildAllocator("parquet " + file.name(), 0, Long.MAX_VALUE);
        try {
            this.channel = columns.isEmpty() ? null : FileChannel.open(file.path(), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            internal.close();
            throw new SpillwayException(ErrorKind.IO, "file not found: " + file.path(), e);
        } catch (IOException | RuntimeException e) {
            internal.close();
            throw SpillwayException.ioError("cannot open " + file.path() + ": " + e.getMessage(), e);
        }
        this.codecBuffers = new ArrowByteBufferAllocator(internal);
        this.codecs = DirectCodecs.create(codecBuffers, 0);
    }

    @Override
    public Batch next() {
        if (closed) {
            throw new IllegalStateException("reader is closed");
        }
        if (context.isCancelled()) {
            throw new SpillwayException(ErrorKind.CANCELLED, "scan of " + file.path() + " was cancelled");
        }
        while (rowsLeftInGroup == 0) {
            if (nextRowGroup >= rowGroups.length) {
                return null;
            }
            startRowGroup(rowGroups[nextRowGroup++]);
        }
        int rows = (int) Math.min(batchRows, rowsLeftInGroup);
        FieldVector[] vectors = new FieldVector[columns.size()];
        LazyColumn[] lazy = new LazyColumn[vectors.length];
        DictionaryCodes[] codes = new DictionaryCodes[vectors.length];
        int reading = 0;
        try {
            for (int i = 0; i < vectors.length; i++) {
                reading = i;
                int column = i;
                ColumnChunkReader.BatchColumn read = coded[i]
                        ? readers[i].readBatch(rows, () -> allocate(column, rows), context.allocator())
                        : readers[i].readPlain(allocate(column, rows), rows);
                vectors[i] = read.vector();
                lazy[i] = read.lazy();
                codes[i] = read.codes();
                if (vectors[i] instanceof BaseVariableWidthVector text) {
                    // A quarter more than this batch used: most batches then never grow their text buffer.
                    long used = text.getOffsetBuffer().getInt((long) rows << 2);
                    bytesPerValue[i] = Math.max(1, used * 5 / 4 / rows);
                }
            }
        } catch (RuntimeException | Error e) {
            for (int i = 0; i < vectors.length; i++) {
                if (vectors[i] != null) {
                    vectors[i].close();
                }
                if (lazy[i] != null) {
                    lazy[i].close();
                }
                if (codes[i] != null) {
                    codes[i].close();
                }
            }
            throw error(e, currentRowGroup, columns.get(reading).name());
        }
        rowsLeftInGroup -= rows;
        Batch batch = new Batch(schema, vectors, lazy, rows);
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] != null) {
                batch.attachCodes(i, codes[i]);
            }
        }
        return batch;
    }

    private FieldVector allocate(int column, int rows) {
        ParquetColumn parquetColumn = columns.get(column);
        if (parquetColumn.conversion() == ValueConversion.BINARY) {
            // Size text buffers from the previous batch of this column, so that most batches never reallocate.
            return Vectors.allocateVarchar(parquetColumn.name(), rows, bytesPerValue[column] * rows + ShortCopy.PADDING,
                    context.allocator());
        }
        return Vectors.allocate(parquetColumn.type(), parquetColumn.name(), rows, context.allocator());
    }

    private void startRowGroup(int rowGroup) {
        releaseRowGroup();
        currentRowGroup = rowGroup;
        BlockMetaData block = file.rowGroups().get(rowGroup);
        String column = null;
        try {
            for (int i = 0; i < columns.size(); i++) {
                ParquetColumn parquetColumn = columns.get(i);
                column = parquetColumn.name();
                ColumnChunkMetaData meta = block.getColumns().get(parquetColumn.index());
                if (meta.getStartingPos() < 0 || meta.getTotalSize() <= 0) {
                    throw new ParquetDataException("invalid column chunk location " + meta.getStartingPos());
                }
                ColumnChunkPages pages = new ColumnChunkPages(channel, meta.getStartingPos(), meta.getTotalSize(), internal);
                readers[i] = new ColumnChunkReader(parquetColumn, pages, PageDecompressor.forCodec(meta.getCodec(), codecs), internal,
                        context.allocator());
            }
        } catch (RuntimeException | Error e) {
            releaseRowGroup();
            throw error(e, rowGroup, column);
        }
        rowsLeftInGroup = block.getRowCount();
    }

    private RuntimeException error(Throwable e, int rowGroup, String column) {
        if (e instanceof SpillwayException || e instanceof org.apache.arrow.memory.OutOfMemoryException) {
            return (RuntimeException) e;
        }
        if (e instanceof Error error) {
            throw error;
        }
        String where = file.path() + " row group " + rowGroup + (column == null ? "" : " column " + column);
        if (e instanceof java.io.UncheckedIOException io) {
            return SpillwayException.ioError("cannot read " + where + ": " + io.getCause().getMessage(), io);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return new SpillwayException(ErrorKind.USER_INPUT, "cannot read " + where + ": " + message, e);
    }

    private void releaseRowGroup() {
        for (int i = 0; i < readers.length; i++) {
            if (readers[i] != null) {
                readers[i].close();
                readers[i] = null;
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            releaseRowGroup();
            codecs.release();
            codecBuffers.close();
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot close " + file.path() + ": " + e.getMessage(), e);
        } finally {
            internal.close();
        }
    }
}
