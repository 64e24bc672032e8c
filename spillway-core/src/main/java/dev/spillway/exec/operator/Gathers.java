package dev.spillway.exec.operator;

import dev.spillway.data.Batch;
import dev.spillway.data.Vectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** Row selection over whole batches. */
public final class Gathers {
    private Gathers() {}

    /** The listed rows of {@code input} as a new batch; the input is left open (the caller closes it). */
    public static Batch rows(Batch input, int[] rows, int count, BufferAllocator allocator) {
        FieldVector[] columns = new FieldVector[input.columnCount()];
        try {
            for (int i = 0; i < columns.length; i++) {
                columns[i] = Vectors.gather(input.column(i), input.schema().type(i), rows, count, allocator);
            }
            return new Batch(input.schema(), columns, count);
        } catch (RuntimeException | Error e) {
            for (FieldVector column : columns) {
                if (column != null) {
                    column.close();
                }
            }
            throw e;
        }
    }
}
