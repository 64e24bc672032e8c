package dev.spillway.bench.throughput;

import dev.spillway.data.Batch;
import dev.spillway.data.BatchBuilder;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Batches like the ones an external sort of the out-of-core suite's table {@code o} spills: its four
 * columns (BIGINT id, BIGINT k, DOUBLE d, VARCHAR s of about 30 characters) computed by the same formulas,
 * for rows in scattered order, as a sort run ordered by {@code k} holds them. So the compression ratio and
 * the speed measured are those of real spill data, not of zeros or of random bytes.
 */
final class SortRunBatches {
    static final Schema SCHEMA = Schema.of(Field.of("id", DataType.BIGINT), Field.of("k", DataType.BIGINT),
            Field.of("d", DataType.DOUBLE), Field.of("s", DataType.VARCHAR));
    static final int ROWS_PER_BATCH = 8192;
    /** Rows of table o the ids are scattered over: its default size. */
    private static final long TABLE_ROWS = 60_000_000L;

    private SortRunBatches() {}

    /** {@code count} different batches; the caller closes them. */
    static List<Batch> create(int count, BufferAllocator allocator) {
        List<Batch> batches = new ArrayList<>(count);
        try {
            long row = 0;
            for (int b = 0; b < count; b++) {
                try (BatchBuilder builder = new BatchBuilder(SCHEMA, ROWS_PER_BATCH, allocator)) {
                    for (int r = 0; r < ROWS_PER_BATCH; r++, row++) {
                        long id = (row * 2654435761L + 12345) % TABLE_ROWS; // scattered, as after sorting by k
                        builder.column(0).appendLong(id);
                        builder.column(1).appendLong((id * 2654435761L) % 1000000007L);
                        builder.column(2).appendDouble(id * 0.5);
                        builder.column(3).appendString("row-" + (id * 7919) % 100000007 + "-some-padding-text");
                    }
                    batches.add(builder.finish());
                }
            }
            return batches;
        } catch (RuntimeException | Error e) {
            batches.forEach(Batch::close);
            throw e;
        }
    }

    /** The bytes of a batch's Arrow buffers in use (validity, offsets, values), as serialized. */
    static long arrowBytes(Batch batch) {
        long bytes = 0;
        for (int c = 0; c < batch.columnCount(); c++) {
            FieldVector column = batch.column(c);
            bytes += column.getBufferSize();
        }
        return bytes;
    }
}
