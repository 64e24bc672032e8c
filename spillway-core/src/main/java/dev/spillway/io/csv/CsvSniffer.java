package dev.spillway.io.csv;

import dev.spillway.errors.SpillwayException;
import dev.spillway.io.text.TypeCandidates;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Decides the layout of CSV files from the start of the first one, in DuckDB's order: dialect (see
 * {@link DialectDetector}), column types, header, then the user's overrides.
 *
 * <p>Algorithm: at most {@link #MAX_SAMPLE_BYTES} are read, never more, so a 5 GB file costs the same as a small
 * one. Types come from up to {@code sample_size} rows after the first (see {@link TypeCandidates}); the first row
 * is a header when all those columns are text (nothing else can tell a header from data), when its values are
 * all empty, or when one of its values does not fit its column's type (a {@code price} over numbers). A file of
 * one row decides from that row's own types. Values beyond the sample that do not fit the detected type are read
 * errors naming the line and suggesting {@code sample_size} or {@code types}.
 */
public final class CsvSniffer {
    public static final int MAX_SAMPLE_BYTES = 4 << 20;

    private CsvSniffer() {}

    public static CsvLayout sniff(Path file, long fileSize, CsvOptions options) {
        byte[] sample;
        int length;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            sample = new byte[(int) Math.min(fileSize, MAX_SAMPLE_BYTES)];
            length = 0;
            while (length < sample.length) {
                int read = channel.read(ByteBuffer.wrap(sample, length, sample.length - length), length);
                if (read <= 0) {
                    break;
                }
                length += read;
            }
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot read " + file + ": " + e.getMessage(), e);
        }
        return sniff(file.toString(), sample, length, length >= fileSize, options);
    }

    /** Sniffs {@code sample[0, length)}; {@code complete} says whether it is the whole file. */
    static CsvLayout sniff(String fileName, byte[] sample, int length, boolean complete, CsvOptions options) {
        int start = CsvFileStart.skipLines(sample, CsvFileStart.byteOrderMarkLength(sample, length), length, options.skipLines());
        if (start < 0) {
            start = length;
        }
        CsvDialect dialect = options.autoDetect()
                ? DialectDetector.detect(options, sample, start, length, complete)
                : defaultDialect(options);
        dialect = new CsvDialect(dialect.delimiter(), dialect.quote(), dialect.escape(), false, options.skipLines(),
                options.columns().isEmpty() ? dialect.columnCount() : options.columns().size());

        SampleRows rows = SampleRows.read(fileName, dialect, options, sample, start, length, complete);
        int columnCount = dialect.columnCount();
        boolean header = switch (options.header()) {
            case TRUE -> true;
            case FALSE -> false;
            case AUTO -> options.autoDetect() && rows.rowCount() > 0 && looksLikeHeader(rows);
        };
        List<String> names;
        List<DataType> types = new ArrayList<>(columnCount);
        if (!options.columns().isEmpty()) {
            names = new ArrayList<>(options.columns().keySet());
            types.addAll(options.columns().values());
        } else {
            names = header ? ColumnNames.fromHeader(rows.firstRow(), columnCount) : ColumnNames.generated(columnCount);
            for (int column = 0; column < columnCount; column++) {
                int mask = header ? rows.restMask(column) : rows.restMask(column) & rows.firstRowMask(column);
                types.add(TypeCandidates.typeOf(finalMask(mask)));
            }
        }
        List<DataType> detected = List.copyOf(types);
        applyOverrides(options, names, types);
        List<Field> fields = new ArrayList<>(columnCount);
        List<Boolean> typeDetected = new ArrayList<>(columnCount);
        for (int column = 0; column < columnCount; column++) {
            fields.add(Field.of(names.get(column), types.get(column)));
            typeDetected.add(options.columns().isEmpty() && types.get(column).equals(detected.get(column))
                    && !overridden(options, column, names.get(column)));
        }
        double averageRowBytes = rows.rowCount() == 0 ? 64 : Math.max(1.0, (double) (rows.endPosition() - start) / rows.rowCount());
        return new CsvLayout(dialect.withHeader(header), new Schema(fields), typeDetected, averageRowBytes);
    }

    private static boolean overridden(CsvOptions options, int column, String name) {
        return column < options.typesByPosition().size() || options.typesByName().containsKey(name);
    }

    private static CsvDialect defaultDialect(CsvOptions options) {
        byte delimiter = (byte) (options.delimiter() == CsvOptions.AUTO ? ',' : options.delimiter());
        int quote = options.quote() == CsvOptions.AUTO ? '"' : options.quote();
        int escape = options.escape() == CsvOptions.AUTO ? quote : options.escape();
        return new CsvDialect(delimiter, quote, quote < 0 ? CsvOptions.NONE : escape, false, options.skipLines(), options.columns().size());
    }

    /** A column with no values is text, as in DuckDB. */
    private static int finalMask(int mask) {
        return mask == TypeCandidates.ALL ? TypeCandidates.VARCHAR : mask;
    }

    private static boolean looksLikeHeader(SampleRows rows) {
        int columnCount = rows.columnCount();
        boolean single = rows.rowCount() == 1;
        boolean allText = true;
        for (int column = 0; column < columnCount; column++) {
            int mask = finalMask(single ? rows.firstRowMask(column) : rows.restMask(column));
            allText &= TypeCandidates.typeOf(mask).equals(DataType.VARCHAR);
        }
        if (allText) {
            return true;
        }
        if (single) {
            return false;
        }
        boolean allEmpty = true;
        for (int column = 0; column < columnCount; column++) {
            String value = column < rows.firstRow().size() ? rows.firstRow().get(column) : null;
            allEmpty &= value == null;
            int restType = Integer.lowestOneBit(finalMask(rows.restMask(column)));
            // The first row's value cannot be read as its column's type: a name over data.
            if (value != null && (rows.firstRowMask(column) & restType) == 0) {
                return true;
            }
        }
        return allEmpty;
    }

    private static void applyOverrides(CsvOptions options, List<String> names, List<DataType> types) {
        int columnCount = names.size();
        if (options.names().size() > columnCount) {
            throw SpillwayException.userError("read_csv: names lists %d names but the file has %d columns",
                    options.names().size(), columnCount);
        }
        for (int i = 0; i < options.names().size(); i++) {
            names.set(i, options.names().get(i));
        }
        if (options.typesByPosition().size() > columnCount) {
            throw SpillwayException.userError("read_csv: types lists %d types but the file has %d columns",
                    options.typesByPosition().size(), columnCount);
        }
        for (int i = 0; i < options.typesByPosition().size(); i++) {
            types.set(i, options.typesByPosition().get(i));
        }
        for (Map.Entry<String, DataType> entry : options.typesByName().entrySet()) {
            int index = names.indexOf(entry.getKey());
            if (index < 0) {
                throw SpillwayException.userError("read_csv: types names column \"%s\", which does not exist; columns: %s",
                        entry.getKey(), String.join(", ", names));
            }
            types.set(index, entry.getValue());
        }
        List<String> unique = ColumnNames.unique(names);
        for (int i = 0; i < columnCount; i++) {
            names.set(i, unique.get(i));
        }
    }

    /** The sample parsed with the chosen dialect: the first row's text and type candidates, and the rest's candidates. */
    private static final class SampleRows {
        private final int columnCount;
        private List<String> firstRow = List.of();
        private final int[] firstRowMasks;
        private final int[] restMasks;
        private int rowCount;
        private int endPosition;

        private SampleRows(int columnCount) {
            this.columnCount = columnCount;
            this.firstRowMasks = new int[columnCount];
            this.restMasks = new int[columnCount];
            Arrays.fill(firstRowMasks, TypeCandidates.ALL);
            Arrays.fill(restMasks, TypeCandidates.ALL);
        }

        static SampleRows read(String fileName, CsvDialect dialect, CsvOptions options, byte[] sample, int start, int limit,
                boolean complete) {
            SampleRows rows = new SampleRows(dialect.columnCount());
            CsvTokenizer tokenizer = new CsvTokenizer(dialect);
            NullMatcher nulls = new NullMatcher(options.nullStrings());
            byte[] scratch = new byte[256];
            int position = start;
            long limitRows = (long) options.sampleRows() + 1;
            while (position < limit && rows.rowCount < limitRows) {
                int status = tokenizer.next(sample, position, limit, complete);
                if (status != CsvTokenizer.ROW) {
                    // A cut-off last row, or a syntax error the reader will report with its line number.
                    break;
                }
                position = tokenizer.rowEnd();
                if (tokenizer.isEmptyLine() && rows.columnCount > 1) {
                    continue;
                }
                if (tokenizer.fieldCount() != rows.columnCount) {
                    continue;
                }
                rows.endPosition = position;
                if (rows.rowCount == 0) {
                    rows.firstRow = new ArrayList<>(rows.columnCount);
                }
                for (int column = 0; column < rows.columnCount; column++) {
                    byte[] bytes = sample;
                    int from = tokenizer.start(column);
                    int to = tokenizer.end(column);
                    if ((tokenizer.flags(column) & CsvTokenizer.ESCAPED) != 0) {
                        if (scratch.length < to - from) {
                            scratch = new byte[to - from];
                        }
                        bytes = scratch;
                        to = tokenizer.copyUnescaped(sample, column, scratch);
                        from = 0;
                    }
                    boolean isNull = nulls.matches(bytes, from, to);
                    if (rows.rowCount == 0) {
                        rows.firstRow.add(isNull ? null : new String(bytes, from, to - from, StandardCharsets.UTF_8));
                        if (!isNull) {
                            rows.firstRowMasks[column] = TypeCandidates.narrow(TypeCandidates.ALL, bytes, from, to);
                        }
                    } else if (!isNull && rows.restMasks[column] != TypeCandidates.VARCHAR) {
                        rows.restMasks[column] = TypeCandidates.narrow(rows.restMasks[column], bytes, from, to);
                    }
                }
                rows.rowCount++;
            }
            return rows;
        }

        int columnCount() {
            return columnCount;
        }

        int rowCount() {
            return rowCount;
        }

        int endPosition() {
            return endPosition;
        }

        List<String> firstRow() {
            return firstRow;
        }

        int firstRowMask(int column) {
            return firstRowMasks[column];
        }

        /** Candidates of the rows after the first ({@link TypeCandidates#ALL} when they hold no value). */
        int restMask(int column) {
            return restMasks[column];
        }
    }
}
