package dev.spillway.io.csv;

import dev.spillway.io.text.OptionValues;
import dev.spillway.io.text.TypeNames;
import dev.spillway.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@link CsvOptions} from {@code read_csv}'s named arguments, using DuckDB's option names. */
final class CsvOptionsParser {
    private static final Set<String> KNOWN = Set.of(
            "delim", "sep", "delimiter", "quote", "escape", "header", "nullstr", "null", "skip", "sample_size", "columns",
            "types", "dtypes", "column_types", "names", "column_names", "auto_detect", "parallel", "max_line_size");

    private CsvOptionsParser() {}

    static CsvOptions parse(Map<String, ?> map) {
        OptionValues options = OptionValues.of("read_csv", map, KNOWN);
        CsvOptions defaults = CsvOptions.defaults();

        String delimiterName = options.firstPresent("delim", "sep", "delimiter");
        int delimiter = delimiterName == null ? CsvOptions.AUTO : options.singleByte(delimiterName, false);
        int quote = options.has("quote") ? options.singleByte("quote", true) : CsvOptions.AUTO;
        int escape = options.has("escape") ? options.singleByte("escape", true) : CsvOptions.AUTO;
        HeaderMode header = options.has("header") ? (options.bool("header") ? HeaderMode.TRUE : HeaderMode.FALSE) : HeaderMode.AUTO;

        String nullName = options.firstPresent("nullstr", "null");
        List<String> nullStrings = nullName == null ? defaults.nullStrings() : options.strings(nullName);
        long skip = options.has("skip") ? options.integer("skip", 0) : 0;
        int sampleRows = defaults.sampleRows();
        if (options.has("sample_size")) {
            long value = options.integer("sample_size", -1);
            if (value == 0) {
                throw options.error("sample_size", "must be positive, or -1 for as many rows as the sample bytes hold");
            }
            sampleRows = value == -1 || value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
        }

        String namesName = options.firstPresent("names", "column_names");
        List<String> names = namesName == null ? List.of() : options.strings(namesName);

        Map<String, DataType> typesByName = new LinkedHashMap<>();
        List<DataType> typesByPosition = new ArrayList<>();
        String typesName = options.firstPresent("types", "dtypes", "column_types");
        if (typesName != null) {
            if (options.raw(typesName) instanceof Map<?, ?>) {
                options.stringMap(typesName).forEach((column, type) -> typesByName.put(column, TypeNames.parse(type, typesName)));
            } else {
                for (String type : options.strings(typesName)) {
                    typesByPosition.add(TypeNames.parse(type, typesName));
                }
            }
        }

        Map<String, DataType> columns = new LinkedHashMap<>();
        if (options.has("columns")) {
            options.stringMap("columns").forEach((column, type) -> columns.put(column, TypeNames.parse(type, "columns")));
            if (columns.isEmpty()) {
                throw options.error("columns", "must name at least one column");
            }
        }
        boolean autoDetect = !options.has("auto_detect") || options.bool("auto_detect");
        boolean parallel = !options.has("parallel") || options.bool("parallel");
        int maxLineSize = options.has("max_line_size")
                ? (int) Math.min(Integer.MAX_VALUE - 64, options.integer("max_line_size", 1))
                : CsvOptions.DEFAULT_MAX_LINE_SIZE;

        return new CsvOptions(delimiter, quote, escape, header, nullStrings, skip, sampleRows, names, typesByName, typesByPosition,
                columns, autoDetect, parallel, maxLineSize);
    }
}
