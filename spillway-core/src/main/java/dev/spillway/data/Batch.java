package dev.spillway.data;

import static java.util.Objects.requireNonNull;

import dev.spillway.types.Schema;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A bounded slice of rows in columnar form: one Arrow vector per schema field, all off-heap.
 *
 * <p>Ownership: whoever holds a batch must close it or hand it on; an operator that receives a batch owns it.
 * {@link #takeColumn} moves one vector out so that a projection can forward a column without copying.
 *
 * <p>A column read from a dictionary may carry its rows' {@link DictionaryCodes}, owned by the batch, and may
 * be a {@link LazyColumn} whose vector is built on first access.
 */
public final class Batch implements AutoCloseable {
    private final Schema schema;
    private final FieldVector[] columns;
    private final int rowCount;
    private DictionaryCodes[] codes;
    private LazyColumn[] lazy;

    public Batch(Schema schema, FieldVector[] columns, int rowCount) {
        this.schema = requireNonNull(schema, "schema is null");
        this.columns = requireNonNull(columns, "columns is null");
        if (columns.length != schema.size()) {
            throw new IllegalArgumentException("batch has " + columns.length + " columns, schema has " + schema.size());
        }
        for (FieldVector column : columns) {
            column.setValueCount(rowCount);
        }
        this.rowCount = rowCount;
    }

    public Batch(Schema schema, List<FieldVector> columns, int rowCount) {
        this(schema, columns.toArray(FieldVector[]::new), rowCount);
    }

    /**
     * A batch where {@code columns[i]} is null when {@code lazy[i]} will build it on first access. The batch owns
     * both.
     */
    public Batch(Schema schema, FieldVector[] columns, LazyColumn[] lazy, int rowCount) {
        this.schema = requireNonNull(schema, "schema is null");
        this.columns = requireNonNull(columns, "columns is null");
        if (columns.length != schema.size() || lazy.length != columns.length) {
            throw new IllegalArgumentException("batch has " + columns.length + " columns and " + lazy.length + " lazy ones, schema has " + schema.size());
        }
        for (int i = 0; i < columns.length; i++) {
            if ((columns[i] == null) == (lazy[i] == null)) {
                throw new IllegalArgumentException("column " + i + " must be either a vector or lazy");
            }
            if (columns[i] != null) {
                columns[i].setValueCount(rowCount);
            }
        }
        this.lazy = lazy;
        this.rowCount = rowCount;
    }

    public Schema schema() {
        return schema;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.length;
    }

    public FieldVector column(int index) {
        FieldVector vector = columns[index];
        if (vector == null) {
            if (lazy == null || lazy[index] == null) {
                throw new IllegalStateException("column " + index + " was taken from this batch");
            }
            vector = lazy[index].materialize(rowCount);
            vector.setValueCount(rowCount);
            columns[index] = vector;
            lazy[index].close();
            lazy[index] = null;
        }
        return vector;
    }

    /** Moves the vector out of this batch; the caller owns it and this batch no longer closes it. */
    public FieldVector takeColumn(int index) {
        FieldVector vector = column(index);
        columns[index] = null;
        dropCodes(index);
        return vector;
    }

    /** Records the dictionary codes of a column's rows; the batch owns and closes them. */
    public void attachCodes(int index, DictionaryCodes columnCodes) {
        java.util.Objects.checkIndex(index, columns.length);
        dropCodes(index);
        if (codes == null) {
            codes = new DictionaryCodes[columns.length];
        }
        codes[index] = columnCodes;
    }

    /** The dictionary codes of a column's rows, or null when the column was not read from a dictionary. */
    public DictionaryCodes codes(int index) {
        return codes == null ? null : codes[index];
    }

    private void dropCodes(int index) {
        if (codes != null && codes[index] != null) {
            codes[index].close();
            codes[index] = null;
        }
    }

    /** Off-heap bytes held by this batch's buffers (their allocated capacity). */
    public long sizeInBytes() {
        long bytes = 0;
        for (FieldVector column : columns) {
            if (column != null) {
                bytes += Vectors.allocatedBytes(column);
            }
        }
        if (codes != null) {
            for (DictionaryCodes columnCodes : codes) {
                bytes += columnCodes == null ? 0 : columnCodes.allocatedBytes();
            }
        }
        return bytes;
    }

    @Override
    public void close() {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] != null) {
                columns[i].close();
                columns[i] = null;
            }
            if (lazy != null && lazy[i] != null) {
                lazy[i].close();
                lazy[i] = null;
            }
            dropCodes(i);
        }
    }

    @Override
    public String toString() {
        return "Batch[" + rowCount + " rows, " + schema + "]";
    }
}
