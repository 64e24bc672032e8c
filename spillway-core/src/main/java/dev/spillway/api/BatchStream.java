package dev.spillway.api;

import dev.spillway.data.Batch;
import dev.spillway.exec.QueryExecution;
import dev.spillway.types.Schema;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The result of a query as a stream of Arrow batches, produced while the caller reads. Every batch
 * returned must be closed by the caller; closing the stream early cancels the query.
 */
public final class BatchStream implements Iterator<Batch>, AutoCloseable {
    private final Schema schema;
    private final QueryExecution execution;
    private Batch next;
    private boolean done;

    BatchStream(Schema schema, QueryExecution execution) {
        this.schema = schema;
        this.execution = execution;
    }

    public Schema schema() {
        return schema;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = execution.next();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Batch batch = next;
        next = null;
        if (!batch.schema().names().equals(schema.names())) {
            // Operators name columns internally; results carry the query's column names.
            Batch renamed = rename(batch);
            return renamed;
        }
        return batch;
    }

    private Batch rename(Batch batch) {
        org.apache.arrow.vector.FieldVector[] columns = new org.apache.arrow.vector.FieldVector[batch.columnCount()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = batch.takeColumn(i);
        }
        int rows = batch.rowCount();
        batch.close();
        return new Batch(schema, columns, rows);
    }

    /** Cancels the query if still running and releases its memory. */
    @Override
    public void close() {
        if (next != null) {
            next.close();
            next = null;
        }
        execution.close();
    }
}
