package dev.spillway.io.json;

import static java.util.Objects.requireNonNull;

import dev.spillway.errors.SpillwayException;
import dev.spillway.io.text.OptionValues;
import dev.spillway.io.text.TypeNames;
import dev.spillway.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How to read JSON files.
 *
 * @param format the layout, detected by default
 * @param sampleRows values read from the start of the first file to infer the columns (also limited to
 *     {@link JsonSniffer#MAX_SAMPLE_BYTES})
 * @param columns the columns to read, overriding inference; keys not listed are ignored
 */
public record JsonOptions(JsonFormat format, int sampleRows, List<JsonColumn> columns) {
    public static final int DEFAULT_SAMPLE_ROWS = 20_480;
    private static final Set<String> KNOWN = Set.of("columns", "format", "sample_size", "auto_detect", "records");

    public JsonOptions {
        requireNonNull(format, "format is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (sampleRows < 1) {
            throw SpillwayException.userError("read_json: sample_size must be positive (or -1 for the largest sample)");
        }
    }

    public static JsonOptions defaults() {
        return new JsonOptions(JsonFormat.AUTO, DEFAULT_SAMPLE_ROWS, List.of());
    }

    /**
     * Options from {@code read_json}'s named arguments, with DuckDB's names: {@code columns} (a struct of key to
     * type name; {@code 'JSON'} keeps JSON text), {@code format} ({@code 'auto'}, {@code 'newline_delimited'},
     * {@code 'array'}, {@code 'unstructured'}), {@code sample_size}, {@code auto_detect} (false requires
     * {@code columns}) and {@code records} (only {@code 'auto'} or true: rows are objects). Unknown names are an error.
     */
    public static JsonOptions fromMap(Map<String, ?> map) {
        OptionValues options = OptionValues.of("read_json", map, KNOWN);
        JsonFormat format = JsonFormat.AUTO;
        if (options.has("format")) {
            format = switch (options.string("format").toLowerCase(Locale.ROOT)) {
                case "auto" -> JsonFormat.AUTO;
                case "newline_delimited", "nd", "jsonl", "ndjson" -> JsonFormat.NEWLINE_DELIMITED;
                case "array" -> JsonFormat.ARRAY;
                case "unstructured" -> JsonFormat.UNSTRUCTURED;
                default -> throw options.error("format", "must be 'auto', 'newline_delimited', 'array' or 'unstructured'");
            };
        }
        int sampleRows = DEFAULT_SAMPLE_ROWS;
        if (options.has("sample_size")) {
            long value = options.integer("sample_size", -1);
            if (value == 0) {
                throw options.error("sample_size", "must be positive, or -1 for as many values as the sample bytes hold");
            }
            sampleRows = value == -1 || value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
        }
        List<JsonColumn> columns = new ArrayList<>();
        if (options.has("columns")) {
            options.stringMap("columns").forEach((name, type) -> {
                boolean json = type.trim().equalsIgnoreCase("JSON");
                DataType parsed = TypeNames.parse(type, "columns");
                columns.add(new JsonColumn(name, parsed, json));
            });
            if (columns.isEmpty()) {
                throw options.error("columns", "must name at least one column");
            }
        }
        if (options.has("auto_detect") && !options.bool("auto_detect") && columns.isEmpty()) {
            throw SpillwayException.userError("read_json: auto_detect = false needs the columns option, e.g. columns = {'a': 'BIGINT'}");
        }
        if (options.has("records")) {
            Object records = options.raw("records");
            boolean objects = records instanceof String s ? s.equalsIgnoreCase("auto") || s.equalsIgnoreCase("true") : options.bool("records");
            if (!objects) {
                throw options.error("records", "false is not supported; rows are read from JSON objects");
            }
        }
        return new JsonOptions(format, sampleRows, columns);
    }
}
