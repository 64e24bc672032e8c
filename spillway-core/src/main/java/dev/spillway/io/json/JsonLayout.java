package dev.spillway.io.json;

import static java.util.Objects.requireNonNull;

import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.List;

/**
 * What inference (or the user) decided about a set of JSON files: their layout, the columns, and whether rows
 * are the keys of objects ({@code records}) or whole values in one column named {@code json} (files whose values
 * are not all objects, as DuckDB reads them).
 */
public record JsonLayout(JsonFormat format, List<JsonColumn> columns, boolean records, double averageValueBytes) {
    public JsonLayout {
        requireNonNull(format, "format is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (format == JsonFormat.AUTO) {
            throw new IllegalArgumentException("a layout has a resolved format");
        }
        if (!records && columns.size() != 1) {
            throw new IllegalArgumentException("a layout of whole values has one column");
        }
    }

    public Schema schema() {
        return new Schema(columns.stream().map(column -> Field.of(column.name(), column.type())).toList());
    }
}
