package dev.spillway.exec.sort;

import dev.spillway.data.Batch;
import dev.spillway.data.MultiSourceGather;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** Sorting a list of batches into new batches, optionally keeping only a range of the sorted rows. */
final class SortedRuns {
    private SortedRuns() {}

    /**
     * The rows of {@code batches} in key order, from position {@code skip} and at most {@code keep} rows,
     * as batches of up to {@code batchRows} rows. The inputs are left open.
     */
    static List<Batch> sort(Schema schema, List<Batch> batches, List<SortSpec> keys, long skip, long keep, int batchRows,
            BufferAllocator allocator) {
        long total = 0;
        for (Batch batch : batches) {
            total += batch.rowCount();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw dev.spillway.errors.SpillwayException.userError("sorting %d rows in memory is not supported yet", total);
        }
        long[] references = new long[(int) total];
        int n = 0;
        for (int b = 0; b < batches.size(); b++) {
            for (int r = 0; r < batches.get(b).rowCount(); r++) {
                references[n++] = RowComparator.reference(b, r);
            }
        }
        new RowComparator(batches, keys).sort(references, n);
        int from = (int) Math.min(skip, n);
        int to = (int) Math.min((long) from + keep, n);
        List<Batch> output = new ArrayList<>();
        MultiSourceGather[] gathers = gathers(schema, batches);
        try {
            for (int start = from; start < to; start += batchRows) {
                int count = Math.min(batchRows, to - start);
                output.add(assemble(schema, gathers, references, start, count, allocator));
            }
            return output;
        } catch (RuntimeException | Error e) {
            output.forEach(Batch::close);
            throw e;
        }
    }

    /**
     * Sorts {@code batches} and hands the sorted rows to {@code out} one batch at a time (each owned by
     * {@code out}), so writing a run to disk needs only one output batch beyond the input.
     */
    static void sortTo(Schema schema, List<Batch> batches, List<SortSpec> keys, int batchRows, BufferAllocator allocator,
            java.util.function.Consumer<Batch> out) {
        long total = dev.spillway.data.Batches.rowCount(batches);
        if (total > Integer.MAX_VALUE - 8) {
            throw dev.spillway.errors.SpillwayException.userError("sorting %d rows in one run is not supported", total);
        }
        long[] references = new long[(int) total];
        int n = 0;
        for (int b = 0; b < batches.size(); b++) {
            for (int r = 0; r < batches.get(b).rowCount(); r++) {
                references[n++] = RowComparator.reference(b, r);
            }
        }
        new RowComparator(batches, keys).sort(references, n);
        MultiSourceGather[] gathers = gathers(schema, batches);
        for (int start = 0; start < n; start += batchRows) {
            out.accept(assemble(schema, gathers, references, start, Math.min(batchRows, n - start), allocator));
        }
    }

    /** One gather per column over all the input batches, set up once for the many output batches of a sort. */
    private static MultiSourceGather[] gathers(Schema schema, List<Batch> batches) {
        int[] rows = new int[batches.size()];
        for (int b = 0; b < rows.length; b++) {
            rows[b] = batches.get(b).rowCount();
        }
        MultiSourceGather[] gathers = new MultiSourceGather[schema.size()];
        for (int c = 0; c < gathers.length; c++) {
            FieldVector[] sources = new FieldVector[batches.size()];
            for (int b = 0; b < sources.length; b++) {
                sources[b] = batches.get(b).column(c);
            }
            gathers[c] = new MultiSourceGather(schema.type(c), sources, rows);
        }
        return gathers;
    }

    private static Batch assemble(Schema schema, MultiSourceGather[] gathers, long[] references, int start, int count, BufferAllocator allocator) {
        int[] sourceOf = new int[count];
        int[] indexIn = new int[count];
        for (int i = 0; i < count; i++) {
            sourceOf[i] = RowComparator.batch(references[start + i]);
            indexIn[i] = RowComparator.row(references[start + i]);
        }
        FieldVector[] columns = new FieldVector[schema.size()];
        try {
            for (int c = 0; c < columns.length; c++) {
                columns[c] = gathers[c].gather(sourceOf, indexIn, count, allocator);
            }
            return new Batch(schema, columns, count);
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
