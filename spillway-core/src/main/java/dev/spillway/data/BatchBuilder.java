package dev.spillway.data;

import dev.spillway.types.Schema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** Builds one batch row by row or column by column; closing an unfinished builder frees its vectors. */
public final class BatchBuilder implements AutoCloseable {
    private final Schema schema;
    private final ColumnBuilder[] columns;

    public BatchBuilder(Schema schema, int initialCapacity, BufferAllocator allocator) {
        this.schema = schema;
        this.columns = new ColumnBuilder[schema.size()];
        try {
            for (int i = 0; i < columns.length; i++) {
                columns[i] = new ColumnBuilder(schema.type(i), schema.field(i).name(), initialCapacity, allocator);
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    public Schema schema() {
        return schema;
    }

    public ColumnBuilder column(int index) {
        return columns[index];
    }

    public int rowCount() {
        return columns.length == 0 ? 0 : columns[0].count();
    }

    public void appendRow(List<?> values) {
        for (int i = 0; i < columns.length; i++) {
            columns[i].append(values.get(i));
        }
    }

    public void appendRow(Object... values) {
        appendRow(java.util.Arrays.asList(values));
    }

    /** The built batch; this builder becomes empty. {@code rowCount} is needed when the schema has no columns. */
    public Batch finish(int rowCount) {
        FieldVector[] vectors = new FieldVector[columns.length];
        for (int i = 0; i < columns.length; i++) {
            vectors[i] = columns[i].finish();
        }
        return new Batch(schema, vectors, rowCount);
    }

    public Batch finish() {
        return finish(rowCount());
    }

    @Override
    public void close() {
        for (ColumnBuilder column : columns) {
            if (column != null) {
                column.close();
            }
        }
    }
}
