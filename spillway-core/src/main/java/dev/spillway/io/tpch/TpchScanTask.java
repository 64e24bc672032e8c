package dev.spillway.io.tpch;

import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanTask;
import dev.spillway.types.Schema;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.List;

/** One part of a TPC-H table: the generator's {@code part} of {@code partCount}, for the projected columns. */
final class TpchScanTask<E extends TpchEntity> implements ScanTask {
    private final TpchTable<E> table;
    private final double scaleFactor;
    private final int part;
    private final int partCount;
    private final List<TpchColumn<E>> columns;
    private final List<TpchColumnKind> kinds;
    private final Schema schema;
    private final int batchRows;
    private final long estimatedBytes;

    TpchScanTask(TpchTable<E> table, double scaleFactor, int part, int partCount, List<TpchColumn<E>> columns,
                 List<TpchColumnKind> kinds, Schema schema, int batchRows, long estimatedBytes) {
        this.table = table;
        this.scaleFactor = scaleFactor;
        this.part = part;
        this.partCount = partCount;
        this.columns = List.copyOf(columns);
        this.kinds = List.copyOf(kinds);
        this.schema = schema;
        this.batchRows = batchRows;
        this.estimatedBytes = estimatedBytes;
    }

    @Override
    public String describe() {
        return "tpch " + table.getTableName() + " sf " + scaleFactor + " part " + part + " of " + partCount;
    }

    @Override
    public long estimatedBytes() {
        return estimatedBytes;
    }

    @Override
    public BatchReader open(ScanContext context) {
        int rows = context.batchRows() > 0 ? context.batchRows() : batchRows;
        return new TpchBatchReader<>(table.createGenerator(scaleFactor, part, partCount).iterator(), columns, kinds, schema, context,
                rows, describe());
    }

    @Override
    public String toString() {
        return describe();
    }
}
