package dev.spillway.types;

import static java.util.Objects.requireNonNull;

import dev.spillway.errors.SpillwayException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An ordered list of fields. Names need not be unique (a join may repeat them); lookups by name report ambiguity. */
public record Schema(List<Field> fields) {
    public static final Schema EMPTY = new Schema(List.of());

    public Schema {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }

    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    public int size() {
        return fields.size();
    }

    public Field field(int index) {
        return fields.get(index);
    }

    public DataType type(int index) {
        return fields.get(index).type();
    }

    public List<String> names() {
        return fields.stream().map(Field::name).toList();
    }

    public List<DataType> types() {
        return fields.stream().map(Field::type).toList();
    }

    /** Index of the column with this name (exact match first, then case-insensitive), or -1. */
    public int indexOf(String name) {
        int found = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                if (found >= 0) {
                    throw SpillwayException.userError("column name \"%s\" is ambiguous", name);
                }
                found = i;
            }
        }
        if (found >= 0) {
            return found;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().toLowerCase(Locale.ROOT).equals(lower)) {
                if (found >= 0) {
                    throw SpillwayException.userError("column name \"%s\" is ambiguous", name);
                }
                found = i;
            }
        }
        return found;
    }

    /** Index of the named column, or a user error listing the available columns. */
    public int require(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw SpillwayException.userError("column \"%s\" not found; available columns: %s", name, String.join(", ", names()));
        }
        return index;
    }

    public Schema concat(Schema other) {
        List<Field> all = new ArrayList<>(fields);
        all.addAll(other.fields);
        return new Schema(all);
    }

    public Schema select(List<Integer> indexes) {
        return new Schema(indexes.stream().map(fields::get).toList());
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
