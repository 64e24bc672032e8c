package dev.spillway.data;

import dev.spillway.types.Schema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/** Operations on lists of batches. */
public final class Batches {
    private Batches() {}

    /** One batch holding all rows of {@code batches} in order (copied); the inputs are left open. */
    public static Batch concat(Schema schema, List<Batch> batches, BufferAllocator allocator) {
        long total = 0;
        for (Batch batch : batches) {
            total += batch.rowCount();
        }
        if (total > Integer.MAX_VALUE - 64) {
            throw dev.spillway.errors.SpillwayException.userError("too many rows (%d) to hold in one batch", total);
        }
        int rows = (int) total;
        FieldVector[] columns = new FieldVector[schema.size()];
        try {
            for (int c = 0; c < columns.length; c++) {
                if (schema.type(c).id() == dev.spillway.types.TypeId.VARCHAR) {
                    long bytes = 0;
                    for (Batch batch : batches) {
                        VarCharVector strings = (VarCharVector) batch.column(c);
                        bytes += strings.getOffsetBuffer().getInt((long) batch.rowCount() << 2);
                    }
                    columns[c] = Vectors.allocateVarchar(schema.field(c).name(), rows, Math.max(bytes, 1), allocator);
                } else {
                    columns[c] = Vectors.allocate(schema.type(c), schema.field(c).name(), rows, allocator);
                }
                int offset = 0;
                for (Batch batch : batches) {
                    int count = batch.rowCount();
                    int[] identity = identity(count);
                    Vectors.gatherInto(batch.column(c), identity, 0, count, columns[c], offset);
                    offset += count;
                }
            }
            return new Batch(schema, columns, rows);
        } catch (RuntimeException | Error e) {
            for (FieldVector column : columns) {
                if (column != null) {
                    column.close();
                }
            }
            throw e;
        }
    }

    private static int[] identity(int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = i;
        }
        return rows;
    }

    public static long rowCount(List<Batch> batches) {
        long rows = 0;
        for (Batch batch : batches) {
            rows += batch.rowCount();
        }
        return rows;
    }

    /** The same batch with its buffers accounted to {@code target} (no copy); the input batch is consumed. */
    public static Batch transfer(Batch batch, BufferAllocator target) {
        try (batch) {
            FieldVector[] columns = new FieldVector[batch.columnCount()];
            for (int i = 0; i < columns.length; i++) {
                var transfer = batch.column(i).getTransferPair(target);
                transfer.transfer();
                columns[i] = (FieldVector) transfer.getTo();
            }
            return new Batch(batch.schema(), columns, batch.rowCount());
        }
    }
}
