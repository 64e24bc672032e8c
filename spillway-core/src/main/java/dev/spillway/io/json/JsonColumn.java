package dev.spillway.io.json;

import static java.util.Objects.requireNonNull;

import dev.spillway.types.DataType;

/**
 * A column read from JSON: its key, its type, and whether it holds JSON text ({@code jsonText}, a VARCHAR column
 * of DuckDB's JSON type: nested objects and arrays, or keys whose values mix kinds, rendered as compact JSON so
 * that strings keep their quotes).
 */
public record JsonColumn(String name, DataType type, boolean jsonText) {
    public JsonColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (jsonText && !type.equals(DataType.VARCHAR)) {
            throw new IllegalArgumentException("JSON text columns are VARCHAR");
        }
    }
}
