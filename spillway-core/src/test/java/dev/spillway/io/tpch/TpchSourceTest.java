package dev.spillway.io.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.errors.SpillwayException;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.testing.TableScans;
import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TpchSourceTest {
    /** Row counts of dbgen at scale factor 0.01. */
    static final Map<String, Long> ROWS_AT_SF_001 = Map.of(
            "region", 5L, "nation", 25L, "supplier", 100L, "customer", 1500L, "part", 2000L,
            "partsupp", 8000L, "orders", 15000L, "lineitem", 60175L);

    BufferAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = TestAllocators.newRoot();
    }

    @AfterEach
    void tearDown() {
        TestAllocators.closeChecked(allocator);
    }

    @Test
    void lineitemSchemaFollowsTheTypeRules() {
        TpchSource lineitem = new TpchSource("lineitem", 1);
        DataType money = DataType.decimal(15, 2);
        assertThat(lineitem.schema().names()).containsExactly("l_orderkey", "l_partkey", "l_suppkey", "l_linenumber", "l_quantity",
                "l_extendedprice", "l_discount", "l_tax", "l_returnflag", "l_linestatus", "l_shipdate", "l_commitdate",
                "l_receiptdate", "l_shipinstruct", "l_shipmode", "l_comment");
        assertThat(lineitem.schema().types()).containsExactly(DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.INTEGER,
                money, money, money, money, DataType.VARCHAR, DataType.VARCHAR, DataType.DATE, DataType.DATE, DataType.DATE,
                DataType.VARCHAR, DataType.VARCHAR, DataType.VARCHAR);
        assertThat(new TpchSource("partsupp", 1).schema().types())
                .containsExactly(DataType.BIGINT, DataType.BIGINT, DataType.INTEGER, money, DataType.VARCHAR);
        assertThat(new TpchSource("ORDERS", 1).schema().field(7).type()).isEqualTo(DataType.INTEGER);
        assertThat(new TpchSource("part", 1).schema().field(5)).satisfies(f -> {
            assertThat(f.name()).isEqualTo("p_size");
            assertThat(f.type()).isEqualTo(DataType.INTEGER);
        });
    }

    @Test
    void everyTableHasTheDbgenRowCount() {
        for (String table : TpchSource.tableNames()) {
            TpchSource source = new TpchSource(table, 0.01);
            long rows = TableScans.readRows(source, new ScanSpec(List.of(0), List.of(), 4096, 0), allocator).size();
            assertThat(rows).as(table).isEqualTo(ROWS_AT_SF_001.get(table));
            if (!table.equals("lineitem")) {
                assertThat(source.estimatedRows()).as(table).isEqualTo(rows);
            }
        }
    }

    @Test
    void valuesAreExactDecimalsDatesAndText() {
        TpchSource lineitem = new TpchSource("lineitem", 0.01);
        List<Object> first = TableScans.readRows(lineitem, TableScans.allColumns(lineitem, 10), allocator).get(0);
        assertThat(first).containsExactly(1L, 1552L, 93L, 1, new BigDecimal("17.00"), new BigDecimal("24710.35"),
                new BigDecimal("0.04"), new BigDecimal("0.02"), "N", "O", LocalDate.of(1996, 3, 13), LocalDate.of(1996, 2, 12),
                LocalDate.of(1996, 3, 22), "DELIVER IN PERSON", "TRUCK", "egular courts above the");
    }

    @Test
    void projectionBuildsOnlyTheProjectedColumns() {
        TpchSource orders = new TpchSource("orders", 0.01);
        List<List<Object>> all = TableScans.readRows(orders, TableScans.allColumns(orders, 1000), allocator);
        ScanSpec spec = new ScanSpec(List.of(3, 0), List.of(), 1000, 0);
        List<List<Object>> projected = TableScans.readRows(orders, spec, allocator);
        assertThat(projected).hasSize(all.size());
        for (int i = 0; i < all.size(); i += 997) {
            assertThat(projected.get(i)).containsExactly(all.get(i).get(3), all.get(i).get(0));
        }
        TableScans.forEachBatch(orders.plan(spec), 1000, allocator, batch -> {
            assertThat(batch.columnCount()).isEqualTo(2);
            assertThat(batch.rowCount()).isBetween(1, 1000);
        });
    }

    @Test
    void partsCoverTheTableExactlyOnceInOrder() {
        TpchSource lineitem = new TpchSource("lineitem", 0.1);
        ScanSpec spec = new ScanSpec(List.of(0, 3), List.of(), 8192, 0);
        List<ScanTask> tasks = lineitem.plan(spec);
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(1).describe()).isEqualTo("tpch lineitem sf 0.1 part 2 of 2");
        List<List<Object>> rows = TableScans.readRows(lineitem, spec, allocator);
        assertThat(rows).hasSize(600_572);
        for (int i = 1; i < rows.size(); i++) {
            long previous = (Long) rows.get(i - 1).get(0);
            long current = (Long) rows.get(i).get(0);
            assertThat(current > previous || current == previous && (Integer) rows.get(i).get(1) > (Integer) rows.get(i - 1).get(1))
                    .as("row %d is after row %d", i, i - 1).isTrue();
        }
    }

    @Test
    void badArgumentsAreUserErrors() {
        assertThatThrownBy(() -> new TpchSource("lineitems", 1)).isInstanceOf(SpillwayException.class).hasMessageContaining("lineitem");
        assertThatThrownBy(() -> new TpchSource("nation", 0)).isInstanceOf(SpillwayException.class).hasMessageContaining("scale factor");
    }
}
