package dev.spillway.io.csv;

import dev.spillway.data.Batch;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.text.ColumnWriter;
import dev.spillway.io.text.FileRange;
import dev.spillway.io.text.LineCounter;
import dev.spillway.io.text.ValueFormatException;
import dev.spillway.types.DataType;
import dev.spillway.types.Schema;
import dev.spillway.types.TypeId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Reads the rows of one byte range of a CSV file into batches.
 *
 * <p>Algorithm: the file is read through a {@link FileChannel} into a heap buffer of {@link #BUFFER_BYTES}; the
 * {@link CsvTokenizer} finds a row's field bounds in place and only the projected fields are decoded, straight from
 * the buffer into the batch's Arrow vectors. A row cut by the end of the buffer is moved to the front and the
 * buffer refilled (and grown, up to {@code max_line_size}, for a row longer than it).
 *
 * <p>The range's rows are those starting in {@code [boundary(start), boundary(end))}, where {@code boundary} is
 * the data start for offsets up to it (skipped lines and header), the file size at the end, and otherwise
 * {@link CsvRowStartFinder#find}. The end boundary is computed only when a row starts at or after the range end,
 * and the last row must end exactly on it: the check that turns a fooled split heuristic into an error.
 *
 * <p>Line numbers in errors are physical lines. The reader counts line breaks from its start, and only when it
 * reports an error counts those before its start ({@link LineCounter}).
 */
final class CsvBatchReader implements BatchReader {
    static final int BUFFER_BYTES = 1 << 20;
    /** A batch stops early once it has consumed this much input, so batches of wide rows stay bounded. */
    static final long MAX_BATCH_INPUT_BYTES = 16L << 20;

    private final FileRange range;
    private final CsvLayout layout;
    private final CsvOptions options;
    private final ScanContext context;
    private final String fileName;
    private final int[] projection;
    private final Schema outputSchema;
    private final ColumnWriter[] writers;
    private final TypeId[] kinds;
    private final NullMatcher nulls;
    private final CsvTokenizer tokenizer;
    private final int columnCount;
    private final int batchRows;
    private final FileChannel channel;

    private CsvRowStartFinder finder;
    private final long dataStart;
    private final long startBoundary;
    private long endBoundary = -1;
    private byte[] buffer;
    private long bufferStart;
    private int position;
    private int limit;
    private boolean endOfInput;
    private long linesSinceStart;
    private boolean finished;
    private byte[] scratch = new byte[256];

    CsvBatchReader(FileRange range, CsvLayout layout, CsvOptions options, List<Integer> projection, ScanContext context) {
        this.range = range;
        this.layout = layout;
        this.options = options;
        this.context = context;
        this.fileName = range.path().toString();
        this.projection = projection.stream().mapToInt(Integer::intValue).toArray();
        this.outputSchema = layout.schema().select(projection);
        this.columnCount = layout.dialect().columnCount();
        this.batchRows = Math.max(1, context.batchRows());
        this.nulls = new NullMatcher(options.nullStrings());
        this.tokenizer = new CsvTokenizer(layout.dialect());
        this.writers = new ColumnWriter[this.projection.length];
        this.kinds = new TypeId[this.projection.length];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = ColumnWriter.forType(outputSchema.field(i).name(), outputSchema.type(i));
            kinds[i] = outputSchema.type(i).id();
        }
        try {
            this.channel = FileChannel.open(range.path(), StandardOpenOption.READ);
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot open " + fileName + ": " + e.getMessage(), e);
        }
        try {
            this.dataStart = CsvFileStart.dataStart(channel, range.fileSize(), layout.dialect(), options.maxLineSize(), fileName);
            this.startBoundary = boundary(range.start());
        } catch (RuntimeException | Error e) {
            closeQuietly();
            throw e;
        }
        this.bufferStart = startBoundary;
        this.endOfInput = startBoundary >= range.fileSize();
        this.buffer = new byte[(int) Math.max(1, Math.min(BUFFER_BYTES, range.fileSize() - startBoundary))];
    }

    @Override
    public Batch next() {
        if (finished) {
            return null;
        }
        if (context.isCancelled()) {
            throw new SpillwayException(ErrorKind.CANCELLED, "scan of " + fileName + " cancelled");
        }
        try {
            for (ColumnWriter writer : writers) {
                writer.allocate(context.allocator(), batchRows);
            }
            long batchStart = bufferStart + position;
            int rows = 0;
            while (rows < batchRows) {
                if (!nextRow()) {
                    finished = true;
                    break;
                }
                decodeRow(rows);
                rows++;
                position = tokenizer.rowEnd();
                linesSinceStart += tokenizer.lineBreaks();
                if (bufferStart + position - batchStart >= MAX_BATCH_INPUT_BYTES) {
                    break;
                }
            }
            if (rows == 0) {
                closeWriters();
                return null;
            }
            FieldVector[] vectors = new FieldVector[writers.length];
            for (int i = 0; i < writers.length; i++) {
                vectors[i] = writers[i].finish(rows);
            }
            try {
                return new Batch(outputSchema, vectors, rows);
            } catch (RuntimeException | Error e) {
                for (FieldVector vector : vectors) {
                    vector.close();
                }
                throw e;
            }
        } catch (RuntimeException | Error e) {
            closeWriters();
            finished = true;
            throw e;
        }
    }

    /** Positions the tokenizer on the next data row of this range; false at the range's end. */
    private boolean nextRow() {
        while (true) {
            long rowOffset = bufferStart + position;
            if (rowOffset >= range.end()) {
                if (endBoundary < 0) {
                    endBoundary = boundary(range.end());
                }
                if (rowOffset >= endBoundary) {
                    if (rowOffset > endBoundary) {
                        throw SpillwayException.userError(
                                "%s: cannot split the file for parallel reading near byte %d (a quoted field there seems to contain a "
                                        + "line break); read it with parallel = false",
                                fileName, endBoundary);
                    }
                    return false;
                }
            }
            if (position >= limit) {
                if (endOfInput) {
                    return false;
                }
                refill();
                continue;
            }
            int status = tokenizer.next(buffer, position, limit, endOfInput);
            switch (status) {
                case CsvTokenizer.NEED_MORE -> {
                    refill();
                    continue;
                }
                case CsvTokenizer.UNTERMINATED_QUOTE -> throw error("unterminated quoted field");
                case CsvTokenizer.TEXT_AFTER_QUOTE -> throw error(columnPrefix(tokenizer.errorField())
                        + "unexpected " + CsvErrors.showValue(buffer, tokenizer.errorPosition(), tokenizer.errorPosition() + 1)
                        + " after a closing quote");
                default -> {}
            }
            if (tokenizer.rowEnd() - position > options.maxLineSize()) {
                throw rowTooLong();
            }
            if (tokenizer.isEmptyLine() && columnCount > 1) {
                position = tokenizer.rowEnd();
                linesSinceStart += tokenizer.lineBreaks();
                continue;
            }
            if (tokenizer.fieldCount() != columnCount) {
                throw error("expected " + columnCount + " columns but found " + tokenizer.fieldCount());
            }
            return true;
        }
    }

    private void decodeRow(int row) {
        for (int k = 0; k < projection.length; k++) {
            int column = projection[k];
            ColumnWriter writer = writers[k];
            byte[] bytes = buffer;
            int from = tokenizer.start(column);
            int to = tokenizer.end(column);
            if ((tokenizer.flags(column) & CsvTokenizer.ESCAPED) != 0) {
                if (scratch.length < to - from) {
                    scratch = new byte[Math.max(to - from, scratch.length * 2)];
                }
                to = tokenizer.copyUnescaped(buffer, column, scratch);
                from = 0;
                bytes = scratch;
            }
            if (from == to ? nulls.emptyIsNull() || kinds[k] != TypeId.VARCHAR : nulls.matches(bytes, from, to)) {
                writer.setNull(row);
                continue;
            }
            try {
                // A switch on the column's kind keeps each call monomorphic (inlined), unlike one megamorphic call.
                switch (kinds[k]) {
                    case BIGINT -> ((ColumnWriter.BigintWriter) writer).decode(bytes, from, to, row);
                    case DOUBLE -> ((ColumnWriter.DoubleWriter) writer).decode(bytes, from, to, row);
                    case VARCHAR -> ((ColumnWriter.VarcharWriter) writer).decode(bytes, from, to, row);
                    case DATE -> ((ColumnWriter.DateWriter) writer).decode(bytes, from, to, row);
                    case TIMESTAMP -> ((ColumnWriter.TimestampWriter) writer).decode(bytes, from, to, row);
                    default -> writer.decode(bytes, from, to, row);
                }
            } catch (ValueFormatException e) {
                throw conversionError(column, writer.type(), bytes, from, to, e);
            }
        }
    }

    private SpillwayException conversionError(int column, DataType type, byte[] bytes, int from, int to, ValueFormatException cause) {
        String detail = columnPrefix(column) + "cannot convert " + CsvErrors.showValue(bytes, from, to) + " to " + type;
        if ("invalid UTF-8".equals(cause.getMessage())) {
            detail = columnPrefix(column) + "invalid UTF-8";
        } else if (layout.typeDetected(column)) {
            detail += " (the type was detected from the first rows; set types = {'" + layout.schema().field(column).name()
                    + "': 'VARCHAR'} or a larger sample_size)";
        }
        return error(detail);
    }

    private SpillwayException rowTooLong() {
        return error("row is longer than max_line_size (" + options.maxLineSize()
                + " bytes); raise max_line_size, or check for an unterminated quote");
    }

    private String columnPrefix(int column) {
        return column < columnCount ? "column \"" + layout.schema().field(column).name() + "\": " : "";
    }

    private SpillwayException error(String detail) {
        long line = LineCounter.lineBreaksBefore(channel, startBoundary) + linesSinceStart + 1;
        return SpillwayException.userError("%s:%d: %s", fileName, line, detail);
    }

    private long boundary(long offset) {
        if (offset <= dataStart) {
            return dataStart;
        }
        if (offset >= range.fileSize()) {
            return range.fileSize();
        }
        if (finder == null) {
            finder = new CsvRowStartFinder(channel, range.fileSize(), layout.dialect(), fileName);
        }
        return finder.find(offset);
    }

    /** Moves the unread bytes to the front, grows the buffer if one row fills it, and reads more. */
    private void refill() {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferStart += position;
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length > options.maxLineSize()) {
                throw rowTooLong();
            }
            long grown = Math.min((long) options.maxLineSize() + 1, Math.max(buffer.length * 2L, 4096));
            buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(grown, Integer.MAX_VALUE - 16));
        }
        long readAt = bufferStart + limit;
        try {
            int read = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit), readAt);
            if (read <= 0) {
                endOfInput = true;
            } else {
                limit += read;
                endOfInput = bufferStart + limit >= range.fileSize();
            }
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot read " + fileName + ": " + e.getMessage(), e);
        }
    }

    private void closeWriters() {
        for (ColumnWriter writer : writers) {
            writer.close();
        }
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing useful to do: the reader is being abandoned
        }
    }

    @Override
    public void close() {
        finished = true;
        closeWriters();
        closeQuietly();
    }
}
