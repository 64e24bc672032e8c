package dev.spillway.api;

import dev.spillway.types.Schema;
import java.util.Collections;
import java.util.List;

/** A query result held in memory as Java values (see {@link dev.spillway.data.Values} for the classes). */
public record QueryResult(Schema schema, List<List<Object>> rows) {
    public QueryResult {
        rows = Collections.unmodifiableList(rows);
    }

    public int rowCount() {
        return rows.size();
    }

    public Object get(int row, int column) {
        return rows.get(row).get(column);
    }

    public Object get(int row, String column) {
        return rows.get(row).get(schema.require(column));
    }

    @Override
    public String toString() {
        return dev.spillway.api.output.TableFormatter.format(schema, rows, Integer.MAX_VALUE);
    }
}
