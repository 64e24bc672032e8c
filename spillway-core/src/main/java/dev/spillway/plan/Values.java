package dev.spillway.plan;

import static java.util.Objects.requireNonNull;

import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Constant rows (values of each column's canonical Java class, or null). */
public record Values(Schema schema, List<List<Object>> rows) implements LogicalPlan {
    public Values {
        requireNonNull(schema, "schema is null");
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : requireNonNull(rows, "rows is null")) {
            if (row.size() != schema.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values, schema has " + schema.size());
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of();
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return this;
    }
}
