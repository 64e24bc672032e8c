package dev.spillway.io.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.spillway.data.Batch;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.text.ChannelInputStream;
import dev.spillway.io.text.ColumnWriter;
import dev.spillway.io.text.FileRange;
import dev.spillway.io.text.LineCounter;
import dev.spillway.io.text.LineStarts;
import dev.spillway.io.text.ValueFormatException;
import dev.spillway.types.Schema;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * Reads the JSON values of one byte range into batches with Jackson's streaming parser.
 *
 * <p>Algorithm: one parser reads from the range's first value start to the end of the file (through a positional
 * {@link ChannelInputStream}), and stops at the first value starting at or after the range's end boundary. For
 * newline-delimited files boundaries are line starts ({@link LineStarts}), exact because JSON strings cannot hold a
 * raw line break; other layouts are never split. Each object's keys are looked up among the projected columns
 * (others are skipped unparsed), a key given twice is an error, and missing keys are NULL.
 *
 * <p>Errors name the file and physical line; lines before the range start are counted only when an error is
 * reported.
 */
final class JsonBatchReader implements BatchReader {
    /** A batch stops early once it has consumed this much input, so batches of wide objects stay bounded. */
    static final long MAX_BATCH_INPUT_BYTES = 16L << 20;

    private final FileRange range;
    private final JsonLayout layout;
    private final ScanContext context;
    private final String fileName;
    private final Schema outputSchema;
    private final JsonColumn[] columns;
    private final ColumnWriter[] writers;
    private final Map<String, Integer> columnByKey = new HashMap<>();
    /**
     * The key last seen at each position of an object and its column (-1: not projected). Objects of one file
     * mostly list their keys in the same order, and Jackson hands out the same String instance for a repeated
     * key, so an identity comparison usually replaces the hash lookup.
     */
    private String[] keyAtPosition = new String[16];
    private int[] columnAtPosition = new int[16];
    private final int[] stamps;
    private final int batchRows;
    private final FileChannel channel;
    private final JsonValueWriter values = new JsonValueWriter();
    private final long start;
    private JsonParser parser;
    private long endBoundary = -1;
    private int stamp;
    private boolean finished;

    JsonBatchReader(FileRange range, JsonLayout layout, List<Integer> projection, ScanContext context) {
        this.range = range;
        this.layout = layout;
        this.context = context;
        this.fileName = range.path().toString();
        this.outputSchema = layout.schema().select(projection);
        this.columns = projection.stream().map(layout.columns()::get).toArray(JsonColumn[]::new);
        this.writers = new ColumnWriter[columns.length];
        for (int i = 0; i < columns.length; i++) {
            writers[i] = ColumnWriter.forType(columns[i].name(), columns[i].type());
            columnByKey.putIfAbsent(columns[i].name(), i);
        }
        this.stamps = new int[columns.length];
        this.batchRows = Math.max(1, context.batchRows());
        try {
            this.channel = FileChannel.open(range.path(), StandardOpenOption.READ);
        } catch (IOException e) {
            values.close();
            throw SpillwayException.ioError("cannot open " + fileName + ": " + e.getMessage(), e);
        }
        try {
            this.start = boundary(range.start());
            this.parser = JsonFormats.FACTORY.createParser(new ChannelInputStream(channel, start));
            if (layout.format() == JsonFormat.ARRAY && start < range.fileSize() && parser.nextToken() != JsonToken.START_ARRAY) {
                throw error(line(), "expected a JSON array (format = 'array')");
            }
        } catch (JsonProcessingException e) {
            close();
            throw JsonFormats.malformed(fileName, 0, e);
        } catch (IOException e) {
            close();
            throw SpillwayException.ioError("cannot read " + fileName + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
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
            long batchStart = parser.currentLocation().getByteOffset();
            int rows = 0;
            while (rows < batchRows) {
                if (!readValue(rows)) {
                    finished = true;
                    break;
                }
                rows++;
                if (parser.currentLocation().getByteOffset() - batchStart >= MAX_BATCH_INPUT_BYTES) {
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
        } catch (JsonProcessingException e) {
            closeWriters();
            finished = true;
            throw JsonFormats.malformed(fileName, linesBeforeStart(), e);
        } catch (IOException e) {
            closeWriters();
            finished = true;
            throw SpillwayException.ioError("cannot read " + fileName + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            closeWriters();
            finished = true;
            throw e;
        }
    }

    /** Reads one value (a row) into row {@code row}; false at the end of the range. */
    private boolean readValue(int row) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.END_ARRAY) {
            if (token == JsonToken.END_ARRAY && parser.nextToken() != null) {
                throw error(line(), "unexpected data after the closing ] of the array");
            }
            return false;
        }
        if (layout.format() == JsonFormat.NEWLINE_DELIMITED) {
            long offset = start + parser.currentTokenLocation().getByteOffset();
            if (offset >= range.end()) {
                if (endBoundary < 0) {
                    endBoundary = boundary(range.end());
                }
                if (offset >= endBoundary) {
                    return false;
                }
            }
        }
        if (!layout.records()) {
            write(0, token, row);
            return true;
        }
        if (token != JsonToken.START_OBJECT) {
            throw error(line(), "expected a JSON object, found " + JsonValueWriter.describe(parser, token));
        }
        stamp++;
        int position = 0;
        for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken(), position++) {
            int column = columnOf(parser.currentName(), position);
            JsonToken value = parser.nextToken();
            if (column < 0) {
                parser.skipChildren();
                continue;
            }
            if (stamps[column] == stamp) {
                throw error(line(), "key \"" + parser.currentName() + "\" appears twice in one object");
            }
            stamps[column] = stamp;
            write(column, value, row);
        }
        for (int column = 0; column < writers.length; column++) {
            if (stamps[column] != stamp) {
                writers[column].setNull(row);
            }
        }
        return true;
    }

    private int columnOf(String key, int position) {
        if (position >= keyAtPosition.length) {
            keyAtPosition = java.util.Arrays.copyOf(keyAtPosition, position * 2);
            columnAtPosition = java.util.Arrays.copyOf(columnAtPosition, position * 2);
        }
        if (keyAtPosition[position] == key) {
            return columnAtPosition[position];
        }
        Integer column = columnByKey.get(key);
        keyAtPosition[position] = key;
        columnAtPosition[position] = column == null ? -1 : column;
        return columnAtPosition[position];
    }

    private void write(int column, JsonToken token, int row) throws IOException {
        try {
            values.write(parser, token, columns[column], writers[column], row);
        } catch (ValueFormatException e) {
            String shown = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY ? e.getMessage()
                    : JsonValueWriter.describe(parser, token);
            throw error(line(), "column \"" + columns[column].name() + "\": cannot convert " + shown + " to " + columns[column].type());
        }
    }

    private long boundary(long offset) {
        if (layout.format() != JsonFormat.NEWLINE_DELIMITED || offset <= 0) {
            return offset <= 0 ? 0 : range.fileSize();
        }
        return offset >= range.fileSize() ? range.fileSize() : LineStarts.atOrAfter(channel, offset, range.fileSize(), fileName);
    }

    /** The parser's current line, relative to its start. */
    private int line() {
        return parser == null ? 1 : Math.max(1, parser.currentTokenLocation().getLineNr());
    }

    private long linesBeforeStart() {
        return start == 0 ? 0 : LineCounter.lineBreaksBefore(channel, start);
    }

    private SpillwayException error(int relativeLine, String detail) {
        return SpillwayException.userError("%s:%d: %s", fileName, linesBeforeStart() + relativeLine, detail);
    }

    private void closeWriters() {
        for (ColumnWriter writer : writers) {
            writer.close();
        }
    }

    @Override
    public void close() {
        finished = true;
        closeWriters();
        values.close();
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // nothing to do: the reader is being abandoned
        }
        try {
            channel.close();
        } catch (IOException e) {
            // as above
        }
    }
}
