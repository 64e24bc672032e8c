package dev.spillway.io.tpch;

import static java.util.Objects.requireNonNull;

import dev.spillway.errors.SpillwayException;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.io.TableSource;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A TPC-H table generated on the fly at any scale factor (with {@code io.trino.tpch}), so that anything can
 * be tried with no data at hand.
 *
 * <p>Columns keep their TPC-H names: {@code *key} columns are BIGINT; l_linenumber, p_size, ps_availqty and
 * o_shippriority INTEGER; prices, balances, quantities, discounts and taxes DECIMAL(15,2) (taken from the
 * generator's exact hundredths); dates DATE; everything else VARCHAR. Planning splits the table into
 * generator parts of about {@value #ROWS_PER_TASK} rows that generate independently (in parallel when the
 * executor runs tasks in parallel); unprojected columns are never built.
 */
public final class TpchSource implements TableSource {
    /** Rows per task: large enough to amortize starting a generator part, small enough to spread over cores. */
    static final long ROWS_PER_TASK = 300_000;

    /** Rows at scale factor 1 (lineitem is an average: 1 to 7 lines per order). */
    private static final Map<String, Long> ROWS_AT_SF1 = Map.of(
            "region", 5L, "nation", 25L, "supplier", 10_000L, "customer", 150_000L, "part", 200_000L,
            "partsupp", 800_000L, "orders", 1_500_000L, "lineitem", 6_000_000L);
    /** Approximate bytes per row as generated (Arrow layout), for estimates. */
    private static final Map<String, Long> BYTES_PER_ROW = Map.of(
            "region", 140L, "nation", 140L, "supplier", 170L, "customer", 200L, "part", 170L,
            "partsupp", 170L, "orders", 130L, "lineitem", 150L);

    private final TpchTable<?> table;
    private final double scaleFactor;
    private final Schema schema;

    /**
     * @param table a TPC-H table name: region, nation, supplier, customer, part, partsupp, orders or lineitem
     * @param scaleFactor 1 is about 1 GB of text data in all; fractions make smaller tables
     */
    public TpchSource(String table, double scaleFactor) {
        requireNonNull(table, "table is null");
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
            throw SpillwayException.userError("TPC-H scale factor must be positive, got %s", scaleFactor);
        }
        this.table = lookup(table);
        this.scaleFactor = scaleFactor;
        this.schema = new Schema(this.table.getColumns().stream()
                .map(column -> Field.of(column.getColumnName(), TpchColumnKind.of(column.getType().getBase()).type()))
                .toList());
    }

    /** The eight table names, smallest first. */
    public static List<String> tableNames() {
        return List.of("region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem");
    }

    private static TpchTable<?> lookup(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (TpchTable<?> candidate : TpchTable.getTables()) {
            if (candidate.getTableName().equals(lower)) {
                return candidate;
            }
        }
        throw SpillwayException.userError("unknown TPC-H table '%s'; tables are %s", name, String.join(", ", tableNames()));
    }

    public String tableName() {
        return table.getTableName();
    }

    public double scaleFactor() {
        return scaleFactor;
    }

    @Override
    public String describe() {
        return "tpch " + table.getTableName() + " (scale factor " + scaleFactor + ")";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** Exact for all tables but lineitem, whose size is known only after generating it (about 4 lines per order). */
    @Override
    public long estimatedRows() {
        long base = ROWS_AT_SF1.get(table.getTableName());
        return base <= 25 ? base : Math.max(1, (long) (base * scaleFactor));
    }

    @Override
    public long estimatedBytes() {
        return estimatedRows() * BYTES_PER_ROW.get(table.getTableName());
    }

    @Override
    public List<ScanTask> plan(ScanSpec spec) {
        return plan(table, spec);
    }

    private <E extends TpchEntity> List<ScanTask> plan(TpchTable<E> typed, ScanSpec spec) {
        requireNonNull(spec, "spec is null");
        List<TpchColumn<E>> allColumns = typed.getColumns();
        List<TpchColumn<E>> columns = new ArrayList<>();
        List<TpchColumnKind> kinds = new ArrayList<>();
        for (int index : spec.projection()) {
            if (index < 0 || index >= allColumns.size()) {
                throw new IllegalArgumentException("projected column " + index + " is not in " + schema);
            }
            columns.add(allColumns.get(index));
            kinds.add(TpchColumnKind.of(allColumns.get(index).getType().getBase()));
        }
        Schema output = schema.select(spec.projection());
        long rows = estimatedRows();
        int parts = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK));
        long bytesPerTask = estimatedBytes() / parts * Math.max(1, spec.projection().size()) / schema.size();
        List<ScanTask> tasks = new ArrayList<>(parts);
        for (int part = 1; part <= parts; part++) {
            tasks.add(new TpchScanTask<>(typed, scaleFactor, part, parts, columns, kinds, output, spec.batchRows(), bytesPerTask));
        }
        return tasks;
    }
}
