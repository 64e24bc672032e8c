package dev.spillway.io.tpch;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.types.Schema;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Generates one part of a TPC-H table. Rows come from the generator one entity at a time; each batch
 * collects up to {@code batchRows} entities and then fills the projected columns one after the other.
 */
final class TpchBatchReader<E extends TpchEntity> implements BatchReader {
    private final Iterator<E> rows;
    private final List<TpchColumn<E>> columns;
    private final List<TpchColumnKind> kinds;
    private final Schema schema;
    private final ScanContext context;
    private final int batchRows;
    private final String description;
    private final List<E> buffer = new ArrayList<>();
    private final long[] bytesPerValue;

    TpchBatchReader(Iterator<E> rows, List<TpchColumn<E>> columns, List<TpchColumnKind> kinds, Schema schema, ScanContext context,
                    int batchRows, String description) {
        this.rows = rows;
        this.columns = columns;
        this.kinds = kinds;
        this.schema = schema;
        this.context = context;
        this.batchRows = batchRows;
        this.description = description;
        this.bytesPerValue = new long[columns.size()];
        java.util.Arrays.fill(bytesPerValue, 16);
    }

    @Override
    public Batch next() {
        if (context.isCancelled()) {
            throw new SpillwayException(ErrorKind.CANCELLED, "generation of " + description + " was cancelled");
        }
        buffer.clear();
        while (buffer.size() < batchRows && rows.hasNext()) {
            buffer.add(rows.next());
        }
        int count = buffer.size();
        if (count == 0) {
            return null;
        }
        FieldVector[] vectors = new FieldVector[columns.size()];
        try {
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = fill(i, count);
            }
        } catch (RuntimeException | Error e) {
            for (FieldVector vector : vectors) {
                if (vector != null) {
                    vector.close();
                }
            }
            throw e;
        }
        return new Batch(schema, vectors, count);
    }

    private FieldVector fill(int index, int count) {
        TpchColumn<E> column = columns.get(index);
        TpchColumnKind kind = kinds.get(index);
        String name = column.getColumnName();
        if (kind == TpchColumnKind.TEXT) {
            VarCharVector text = Vectors.allocateVarchar(name, count, bytesPerValue[index] * count, context.allocator());
            try {
                for (int row = 0; row < count; row++) {
                    byte[] bytes = column.getString(buffer.get(row)).getBytes(StandardCharsets.UTF_8);
                    text.setSafe(row, bytes, 0, bytes.length);
                }
                text.setValueCount(count);
                // A quarter more than this batch used, so that most batches never grow their text buffer.
                bytesPerValue[index] = Math.max(1, (long) text.getOffsetBuffer().getInt((long) count << 2) * 5 / 4 / count);
            } catch (RuntimeException | Error e) {
                text.close();
                throw e;
            }
            return text;
        }
        BaseFixedWidthVector vector = (BaseFixedWidthVector) Vectors.allocate(kind.type(), name, count, context.allocator());
        ArrowBuf data = vector.getDataBuffer();
        switch (kind) {
            case KEY, MONEY -> {
                for (int row = 0; row < count; row++) {
                    data.setLong((long) row << 3, column.getIdentifier(buffer.get(row)));
                }
            }
            case INTEGER -> {
                for (int row = 0; row < count; row++) {
                    data.setInt((long) row << 2, column.getInteger(buffer.get(row)));
                }
            }
            case DATE -> {
                for (int row = 0; row < count; row++) {
                    data.setInt((long) row << 2, column.getDate(buffer.get(row)));
                }
            }
            case TEXT -> throw new IllegalStateException("unreachable");
        }
        Vectors.setAllValid(vector, count);
        return vector;
    }

    @Override
    public void close() {
        buffer.clear();
    }
}
