package dev.spillway.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves names used in queries into plans: views, table functions ({@code range(10)},
 * {@code read_parquet('x/*.parquet')}, {@code tpch('lineitem', 1)}) and bare file paths
 * ({@code FROM 'data.csv'}). Front ends ask the catalog; they never construct sources themselves.
 */
public interface Catalog {
    Optional<LogicalPlan> view(String name);

    /**
     * A table function call with constant arguments: positional values and named options
     * ({@code read_csv('f.csv', delim = ';')}). Values are of the canonical Java classes (String, Long, ...).
     */
    LogicalPlan tableFunction(String name, List<Object> args, Map<String, Object> options);

    /** A file path or glob used directly as a table; the format comes from the extension. */
    LogicalPlan file(String path);
}
