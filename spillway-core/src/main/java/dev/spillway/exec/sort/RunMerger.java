package dev.spillway.exec.sort;

import dev.spillway.data.Batch;
import dev.spillway.data.MultiSourceGather;
import dev.spillway.io.BatchReader;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Merges sorted runs into one sorted stream of batches (k-way merge with a heap of run cursors). Holds
 * one batch per run plus the output batch, whatever the runs' sizes. Equal keys keep run order.
 */
final class RunMerger implements BatchReader {
    private final Schema schema;
    private final BatchRowComparator comparator;
    private final int batchRows;
    private final BufferAllocator outputAllocator;
    private final BooleanSupplier cancelled;
    private final List<Cursor> cursors = new ArrayList<>();
    private final PriorityQueue<Cursor> heap;
    private long skip;
    private long remaining;

    /** A run being read: its current batch and row. */
    private static final class Cursor {
        final int run;
        final BatchReader reader;
        Batch batch;
        int row;

        Cursor(int run, BatchReader reader) {
            this.run = run;
            this.reader = reader;
        }

        /** Moves to the next row; returns false when the run is exhausted. The old batch is handed to {@code retired}. */
        boolean advance(List<Batch> retired) {
            row++;
            while (batch == null || row >= batch.rowCount()) {
                if (batch != null) {
                    retired.add(batch);
                }
                batch = reader.next();
                row = 0;
                if (batch == null) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * @param skip rows to drop from the start (OFFSET)
     * @param limit rows to produce after that, or -1 for all
     */
    RunMerger(List<SortedRun> runs, Schema schema, List<SortSpec> keys, int batchRows, BufferAllocator readAllocator,
            BufferAllocator outputAllocator, long skip, long limit, BooleanSupplier cancelled) {
        this.schema = schema;
        this.comparator = new BatchRowComparator(schema, keys);
        this.batchRows = batchRows;
        this.outputAllocator = outputAllocator;
        this.cancelled = cancelled;
        this.skip = skip;
        this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
        this.heap = new PriorityQueue<>((a, b) -> {
            int order = comparator.compare(a.batch, a.row, b.batch, b.row);
            return order != 0 ? order : Integer.compare(a.run, b.run);
        });
        List<Batch> retired = new ArrayList<>();
        try {
            for (int r = 0; r < runs.size(); r++) {
                Cursor cursor = new Cursor(r, runs.get(r).open(schema, readAllocator));
                cursors.add(cursor);
                cursor.row = -1;
                if (cursor.advance(retired)) {
                    heap.add(cursor);
                }
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    @Override
    public Batch next() {
        List<Batch> retired = new ArrayList<>();
        List<Batch> sources = new ArrayList<>();
        int[] sourceOf = new int[batchRows];
        int[] indexIn = new int[batchRows];
        int count = 0;
        try {
            while (count < batchRows && remaining > 0 && !heap.isEmpty()) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                Cursor cursor = heap.poll();
                if (skip > 0) {
                    skip--;
                } else {
                    int source = sources.indexOf(cursor.batch);
                    if (source < 0) {
                        source = sources.size();
                        sources.add(cursor.batch);
                    }
                    sourceOf[count] = source;
                    indexIn[count] = cursor.row;
                    count++;
                    remaining--;
                }
                if (cursor.advance(retired)) {
                    heap.add(cursor);
                }
            }
            if (count == 0) {
                return null;
            }
            FieldVector[] columns = new FieldVector[schema.size()];
            try {
                for (int c = 0; c < columns.length; c++) {
                    FieldVector[] vectors = new FieldVector[sources.size()];
                    for (int s = 0; s < vectors.length; s++) {
                        vectors[s] = sources.get(s).column(c);
                    }
                    columns[c] = MultiSourceGather.assemble(schema.type(c), vectors, sourceOf, indexIn, count, outputAllocator);
                }
            } catch (RuntimeException | Error e) {
                for (FieldVector column : columns) {
                    if (column != null) {
                        column.close();
                    }
                }
                throw e;
            }
            return new Batch(schema, columns, count);
        } finally {
            // Batches the cursors moved past were kept alive until the output copied their rows.
            retired.forEach(Batch::close);
        }
    }

    @Override
    public void close() {
        for (Cursor cursor : cursors) {
            if (cursor.batch != null) {
                cursor.batch.close();
                cursor.batch = null;
            }
            cursor.reader.close();
        }
        cursors.clear();
        heap.clear();
    }
}
