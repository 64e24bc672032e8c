package dev.spillway.bench.ooc;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One query of the suite.
 *
 * @param name    as in the report and in {@code --queries}: {@code q1}..{@code q10}, {@code order_by}, {@code count_distinct}
 * @param table   the table it reads (which decides the data to generate)
 * @param summary what it computes, in a few words (for the H2O queries, the benchmark's own question)
 * @param sql     the text both engines run: a query, or a script ({@link dev.spillway.bench.engine.BenchScript})
 * @param change  how and why it differs from the original benchmark query, if it does
 */
public record OutOfCoreQuery(String name, OutOfCoreTable table, String summary, String sql, Optional<String> change) {
    public OutOfCoreQuery {
        requireNonNull(name, "name is null");
        requireNonNull(table, "table is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(change, "change is null");
    }
}
