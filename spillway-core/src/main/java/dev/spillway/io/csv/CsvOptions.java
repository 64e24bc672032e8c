package dev.spillway.io.csv;

import static java.util.Objects.requireNonNull;

import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to read CSV files; everything not given is detected from the start of the first file.
 *
 * @param delimiter field separator byte, or {@link #AUTO} to detect among {@code , | ; \t}
 * @param quote quote byte, {@link #NONE} for no quoting, or {@link #AUTO} to detect among {@code " '} and none
 * @param escape byte escaping a quote inside a quoted field, {@link #NONE}, or {@link #AUTO} meaning "the quote
 *     itself" (RFC 4180 doubled quotes)
 * @param header whether the first row holds column names
 * @param nullStrings field contents read as NULL (quoted or not); the default is the empty string only
 * @param skipLines physical lines to skip at the start of every file, before the header
 * @param sampleRows rows read from the start of the first file to detect the dialect, header and types (the
 *     sample is also limited to the first {@link CsvSniffer#MAX_SAMPLE_BYTES} bytes)
 * @param names names replacing the first detected or header names (DuckDB's {@code names})
 * @param typesByName types of some columns, by name, overriding detection (DuckDB's {@code types} as a struct)
 * @param typesByPosition types of the first columns, overriding detection (DuckDB's {@code types} as a list)
 * @param columns the complete schema, in file order; when set no types are detected and the file's fields are
 *     matched to these columns by position
 * @param autoDetect false turns off all detection: the dialect defaults to {@code ,} and {@code "}, the header
 *     to absent, and {@code columns} is required
 * @param parallel false reads each file as one task (needed for files whose quoted fields contain line breaks
 *     if a split point lands inside one; see {@link CsvRowStartFinder})
 * @param maxLineSize longest row in bytes; a longer row is an error (usually an unterminated quote)
 */
public record CsvOptions(
        int delimiter,
        int quote,
        int escape,
        HeaderMode header,
        List<String> nullStrings,
        long skipLines,
        int sampleRows,
        List<String> names,
        Map<String, DataType> typesByName,
        List<DataType> typesByPosition,
        Map<String, DataType> columns,
        boolean autoDetect,
        boolean parallel,
        int maxLineSize) {

    /** Detect this setting. */
    public static final int AUTO = -2;
    /** No quote or no escape character. */
    public static final int NONE = -1;

    public static final int DEFAULT_SAMPLE_ROWS = 20_480;
    public static final int DEFAULT_MAX_LINE_SIZE = 2 << 20;

    public CsvOptions {
        requireNonNull(header, "header is null");
        nullStrings = List.copyOf(requireNonNull(nullStrings, "nullStrings is null"));
        names = List.copyOf(requireNonNull(names, "names is null"));
        typesByName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(typesByName, "typesByName is null")));
        typesByPosition = List.copyOf(requireNonNull(typesByPosition, "typesByPosition is null"));
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(columns, "columns is null")));
        checkCharacter("delim", delimiter, false);
        checkCharacter("quote", quote, true);
        checkCharacter("escape", escape, true);
        if (delimiter >= 0 && delimiter == quote) {
            throw SpillwayException.userError("read_csv: delim and quote must differ, both are '%c'", (char) delimiter);
        }
        if (skipLines < 0) {
            throw SpillwayException.userError("read_csv: skip must not be negative");
        }
        if (sampleRows < 1) {
            throw SpillwayException.userError("read_csv: sample_size must be positive (or -1 for the largest sample)");
        }
        if (maxLineSize < 1) {
            throw SpillwayException.userError("read_csv: max_line_size must be positive");
        }
        if (!autoDetect && columns.isEmpty()) {
            throw SpillwayException.userError("read_csv: auto_detect = false needs the columns option, e.g. columns = {'a': 'BIGINT'}");
        }
    }

    /** Everything detected. */
    public static CsvOptions defaults() {
        return new CsvOptions(AUTO, AUTO, AUTO, HeaderMode.AUTO, List.of(""), 0, DEFAULT_SAMPLE_ROWS, List.of(), Map.of(), List.of(),
                Map.of(), true, true, DEFAULT_MAX_LINE_SIZE);
    }

    /**
     * Options from a table function's named arguments, with DuckDB's names: {@code delim}/{@code sep},
     * {@code quote}, {@code escape}, {@code header}, {@code nullstr}, {@code skip}, {@code sample_size},
     * {@code columns}, {@code types}/{@code dtypes}/{@code column_types}, {@code names}/{@code column_names},
     * {@code auto_detect}, {@code parallel}, {@code max_line_size}. Unknown names are an error.
     */
    public static CsvOptions fromMap(Map<String, ?> options) {
        return CsvOptionsParser.parse(options);
    }

    public CsvOptions withDelimiter(char value) {
        return new CsvOptions(value, quote, escape, header, nullStrings, skipLines, sampleRows, names, typesByName, typesByPosition,
                columns, autoDetect, parallel, maxLineSize);
    }

    public CsvOptions withQuote(int value) {
        return new CsvOptions(delimiter, value, escape, header, nullStrings, skipLines, sampleRows, names, typesByName, typesByPosition,
                columns, autoDetect, parallel, maxLineSize);
    }

    public CsvOptions withHeader(HeaderMode value) {
        return new CsvOptions(delimiter, quote, escape, value, nullStrings, skipLines, sampleRows, names, typesByName, typesByPosition,
                columns, autoDetect, parallel, maxLineSize);
    }

    public CsvOptions withColumns(Map<String, DataType> value) {
        return new CsvOptions(delimiter, quote, escape, header, nullStrings, skipLines, sampleRows, names, typesByName, typesByPosition,
                value, autoDetect, parallel, maxLineSize);
    }

    public CsvOptions withParallel(boolean value) {
        return new CsvOptions(delimiter, quote, escape, header, nullStrings, skipLines, sampleRows, names, typesByName, typesByPosition,
                columns, autoDetect, value, maxLineSize);
    }

    public CsvOptions withSampleRows(int value) {
        return new CsvOptions(delimiter, quote, escape, header, nullStrings, skipLines, value, names, typesByName, typesByPosition,
                columns, autoDetect, parallel, maxLineSize);
    }

    private static void checkCharacter(String option, int value, boolean noneAllowed) {
        if (value == AUTO || (value == NONE && noneAllowed)) {
            return;
        }
        if (value < 0 || value > 127 || value == '\n' || value == '\r') {
            throw SpillwayException.userError("read_csv: %s must be a single ASCII character other than a line break", option);
        }
    }
}
