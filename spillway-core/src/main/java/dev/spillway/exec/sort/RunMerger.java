package dev.spillway.exec.sort;

import dev.spillway.data.Batch;
import dev.spillway.data.MultiSourceGather;
import dev.spillway.exec.eval.Physical;
import dev.spillway.io.BatchReader;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

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
    private final SortSpec firstKey;
    private final Physical firstKeyType;
    /** Cursors with rows left, as a binary min-heap by their current rows (ties by run). */
    private Cursor[] heap;
    private int heapSize;
    private long skip;
    private long remaining;

    /** A run being read: its current batch and row, and that row's first key as a rank and code (see {@link #load}). */
    private static final class Cursor {
        final int run;
        final BatchReader reader;
        Batch batch;
        int row;
        /** 0: NULL placed first, 1: a value, 2: NULL placed last. */
        int rank;
        long code;

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
        this.firstKey = keys.isEmpty() ? null : keys.get(0);
        this.firstKeyType = firstKey == null ? Physical.NULL : Physical.of(schema.type(firstKey.column()));
        this.heap = new Cursor[runs.size()];
        List<Batch> retired = new ArrayList<>();
        try {
            for (int r = 0; r < runs.size(); r++) {
                Cursor cursor = new Cursor(r, runs.get(r).open(schema, readAllocator));
                cursors.add(cursor);
                cursor.row = -1;
                if (cursor.advance(retired)) {
                    load(cursor);
                    heap[heapSize++] = cursor;
                }
            }
            for (int i = heapSize / 2 - 1; i >= 0; i--) {
                siftDown(i);
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
            while (count < batchRows && remaining > 0 && heapSize > 0) {
                if ((count & 1023) == 0 && cancelled.getAsBoolean()) {
                    return null;
                }
                Cursor cursor = heap[0];
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
                // The smallest cursor moves on and sinks to its place: one sift per row, where poll and add took two.
                if (cursor.advance(retired)) {
                    load(cursor);
                } else {
                    heap[0] = heap[--heapSize];
                    heap[heapSize] = null;
                }
                if (heapSize > 0) {
                    siftDown(0);
                }
            }
            if (count == 0) {
                return null;
            }
            FieldVector[] columns = new FieldVector[schema.size()];
            try {
                int[] rows = new int[sources.size()];
                for (int s = 0; s < rows.length; s++) {
                    rows[s] = sources.get(s).rowCount();
                }
                for (int c = 0; c < columns.length; c++) {
                    FieldVector[] vectors = new FieldVector[sources.size()];
                    for (int s = 0; s < vectors.length; s++) {
                        vectors[s] = sources.get(s).column(c);
                    }
                    columns[c] = new MultiSourceGather(schema.type(c), vectors, rows).gather(sourceOf, indexIn, count, outputAllocator);
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

    /** Caches the cursor's current first key so most heap comparisons are two int and long compares. */
    private void load(Cursor cursor) {
        if (firstKey == null) {
            return;
        }
        FieldVector vector = cursor.batch.column(firstKey.column());
        if (vector instanceof NullVector || vector.isNull(cursor.row)) {
            cursor.rank = firstKey.nullsFirst() ? 0 : 2;
            cursor.code = 0;
        } else {
            long code = KeyCodes.ascending(firstKeyType, vector, cursor.row);
            cursor.rank = 1;
            cursor.code = firstKey.ascending() ? code : ~code;
        }
    }

    private int compare(Cursor a, Cursor b) {
        if (a.rank != b.rank) {
            return Integer.compare(a.rank, b.rank);
        }
        if (a.code != b.code) {
            return Long.compare(a.code, b.code);
        }
        int order = comparator.compare(a.batch, a.row, b.batch, b.row);
        return order != 0 ? order : Integer.compare(a.run, b.run);
    }

    private void siftDown(int index) {
        Cursor moving = heap[index];
        while (true) {
            int child = 2 * index + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && compare(heap[child + 1], heap[child]) < 0) {
                child++;
            }
            if (compare(heap[child], moving) >= 0) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = moving;
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
        java.util.Arrays.fill(heap, null);
        heapSize = 0;
    }
}
