package dev.spillway.io.parquet;

import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanTask;
import dev.spillway.types.Schema;
import java.util.List;
import java.util.Set;

/** Some row groups of one file, read with one projection. Immutable; each {@link #open} starts a new reader. */
final class ParquetScanTask implements ScanTask {
    private final ParquetFile file;
    private final int[] rowGroups;
    private final List<ParquetColumn> columns;
    private final Schema schema;
    private final int batchRows;
    private final Set<Integer> codedColumns;
    private final long estimatedBytes;
    private final long rows;

    /** @param codedColumns output positions whose batches carry dictionary codes (see {@link dev.spillway.io.ScanSpec}) */
    ParquetScanTask(ParquetFile file, int[] rowGroups, List<ParquetColumn> columns, Schema schema, int batchRows, Set<Integer> codedColumns) {
        this.file = file;
        this.rowGroups = rowGroups.clone();
        this.columns = List.copyOf(columns);
        this.schema = schema;
        this.batchRows = batchRows;
        this.codedColumns = Set.copyOf(codedColumns);
        long bytes = 0;
        long rowCount = 0;
        for (int rowGroup : rowGroups) {
            bytes += file.compressedBytes(rowGroup, columns);
            rowCount += file.rowGroups().get(rowGroup).getRowCount();
        }
        this.estimatedBytes = bytes;
        this.rows = rowCount;
    }

    @Override
    public String describe() {
        return file.name() + " row groups " + ranges(rowGroups) + " (" + rows + " rows)";
    }

    @Override
    public long estimatedBytes() {
        return estimatedBytes;
    }

    /** Rows this task produces (exact: from the footer). */
    long rowCount() {
        return rows;
    }

    int[] rowGroups() {
        return rowGroups.clone();
    }

    @Override
    public BatchReader open(ScanContext context) {
        int rowsPerBatch = context.batchRows() > 0 ? context.batchRows() : batchRows;
        return new ParquetBatchReader(file, rowGroups, columns, schema, context, rowsPerBatch, codedColumns);
    }

    /** Row group indexes as compact ranges, e.g. {@code 0-3,7}. */
    static String ranges(int[] indexes) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < indexes.length) {
            int j = i;
            while (j + 1 < indexes.length && indexes[j + 1] == indexes[j] + 1) {
                j++;
            }
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(indexes[i]);
            if (j > i) {
                text.append('-').append(indexes[j]);
            }
            i = j + 1;
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
