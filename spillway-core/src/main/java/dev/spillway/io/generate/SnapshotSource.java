package dev.spillway.io.generate;

import static java.util.Objects.requireNonNull;

import dev.spillway.data.Batch;
import dev.spillway.data.BatchBuilder;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.io.TableSource;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A small table whose rows are taken when the scan runs, not when the query is planned, such as the
 * engine's {@code memory()}: a lazily built DataFrame shows the state at the time it is collected.
 * Produced in one task; the rows are expected to be few.
 */
public final class SnapshotSource implements TableSource {
    private final String name;
    private final Schema schema;
    private final Supplier<List<List<Object>>> rows;

    public SnapshotSource(String name, Schema schema, Supplier<List<List<Object>>> rows) {
        this.name = requireNonNull(name, "name is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.rows = requireNonNull(rows, "rows is null");
    }

    @Override
    public String describe() {
        return name + "()";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public long estimatedRows() {
        return -1;
    }

    @Override
    public long estimatedBytes() {
        return -1;
    }

    @Override
    public List<ScanTask> plan(ScanSpec spec) {
        List<Integer> projection = spec.projection();
        Schema output = schema.select(projection);
        return List.of(new ScanTask() {
            @Override
            public String describe() {
                return name + "() snapshot";
            }

            @Override
            public long estimatedBytes() {
                return -1;
            }

            @Override
            public BatchReader open(ScanContext context) {
                return new BatchReader() {
                    private boolean done;

                    @Override
                    public Batch next() {
                        if (done || context.isCancelled()) {
                            return null;
                        }
                        done = true;
                        List<List<Object>> snapshot = rows.get();
                        if (snapshot.isEmpty()) {
                            return null;
                        }
                        try (BatchBuilder builder = new BatchBuilder(output, snapshot.size(), context.allocator())) {
                            for (List<Object> row : snapshot) {
                                List<Object> projected = new ArrayList<>(projection.size());
                                for (int column : projection) {
                                    projected.add(row.get(column));
                                }
                                builder.appendRow(projected);
                            }
                            return builder.finish(snapshot.size());
                        }
                    }

                    @Override
                    public void close() {}
                };
            }
        });
    }

    @Override
    public boolean ordered() {
        return true;
    }
}
