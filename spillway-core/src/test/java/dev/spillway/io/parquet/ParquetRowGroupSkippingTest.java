package dev.spillway.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Function;
import dev.spillway.expr.Functions;
import dev.spillway.expr.Literal;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.testing.DuckDbOracle;
import dev.spillway.testing.TableScans;
import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Row-group skipping on a DuckDB-written file of 10 row groups of 2048 sorted rows each, row group {@code g}
 * holding ids {@code 1000g} to {@code 1000g + 999}. For every filter
 * the test checks the number of row groups kept, and (through DuckDB) that no row group with a matching
 * row was skipped.
 */
class ParquetRowGroupSkippingTest {
    @TempDir
    static Path dir;
    static Path file;
    static ParquetSource source;
    static DuckDbOracle duckDb;

    static final ColumnRef ID = new ColumnRef(0, "id", DataType.BIGINT);
    static final ColumnRef K = new ColumnRef(1, "k", DataType.INTEGER);
    static final ColumnRef MONEY = new ColumnRef(2, "money", DataType.decimal(15, 2));
    static final ColumnRef TEXT = new ColumnRef(3, "s", DataType.VARCHAR);
    static final ColumnRef DAY = new ColumnRef(4, "day", DataType.DATE);
    static final ColumnRef TS = new ColumnRef(5, "ts", DataType.TIMESTAMP);
    static final ColumnRef DBL = new ColumnRef(6, "dbl", DataType.DOUBLE);
    static final ColumnRef FLAG = new ColumnRef(7, "flag", DataType.BOOLEAN);
    static final ColumnRef SPARSE = new ColumnRef(8, "sparse", DataType.BIGINT);

    @BeforeAll
    static void writeFile() {
        file = dir.resolve("sorted.parquet");
        duckDb = new DuckDbOracle();
        duckDb.execute("SET threads = 1");
        duckDb.execute("""
                COPY (SELECT i AS id, (i // 1000)::INTEGER AS k, (i / 100)::DECIMAL(15,2) AS money,
                             'key-' || lpad(i::VARCHAR, 5, '0') AS s, '2020-01-01'::DATE + (i // 100)::INTEGER AS day,
                             '2020-01-01'::TIMESTAMP + to_minutes(i) AS ts, (i * 1.5)::DOUBLE AS dbl, i < 5000 AS flag,
                             CASE WHEN i < 3000 THEN NULL ELSE i END AS sparse
                      FROM (SELECT (r.i * 1000) // 2048 AS i FROM range(20480) r(i)) ORDER BY i)
                TO '%s' (FORMAT parquet, ROW_GROUP_SIZE 2048)""".formatted(file));
        source = new ParquetSource(file.toString());
    }

    @AfterAll
    static void stopDuckDb() {
        duckDb.close();
    }

    static Expr call(Function function, Expr... args) {
        return Functions.call(function, args);
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of(call(Function.EQUAL, ID, Literal.of(4500)), "id = 4500", 1),
                Arguments.of(call(Function.EQUAL, Literal.of(4500L), ID), "4500 = id", 1),
                Arguments.of(call(Function.LESS_THAN, ID, Literal.of(1000)), "id < 1000", 1),
                Arguments.of(call(Function.LESS_THAN_OR_EQUAL, ID, Literal.of(1000)), "id <= 1000", 2),
                Arguments.of(call(Function.GREATER_THAN, ID, Literal.of(8999)), "id > 8999", 1),
                Arguments.of(call(Function.GREATER_THAN_OR_EQUAL, ID, Literal.of(8999)), "id >= 8999", 2),
                Arguments.of(call(Function.GREATER_THAN, Literal.of(1000L), ID), "1000 > id", 1),
                Arguments.of(call(Function.AND, call(Function.GREATER_THAN_OR_EQUAL, ID, Literal.of(2500)),
                        call(Function.LESS_THAN_OR_EQUAL, ID, Literal.of(4500))), "id BETWEEN 2500 AND 4500", 3),
                Arguments.of(call(Function.LESS_THAN, ID, Literal.of(0)), "id < 0", 0),
                Arguments.of(call(Function.OR, call(Function.EQUAL, ID, Literal.of(10)), call(Function.EQUAL, ID, Literal.of(9990))),
                        "id = 10 OR id = 9990", 2),
                Arguments.of(call(Function.IN, ID, Literal.of(10), Literal.of(5010), Literal.of(20000)), "id IN (10, 5010, 20000)", 2),
                Arguments.of(call(Function.NOT, call(Function.GREATER_THAN_OR_EQUAL, ID, Literal.of(1000))), "NOT (id >= 1000)", 1),
                Arguments.of(call(Function.NOT, call(Function.IN, K, Literal.of(0), Literal.of(1), Literal.of(2))),
                        "k NOT IN (0, 1, 2)", 7),
                Arguments.of(call(Function.NOT, call(Function.OR, call(Function.LESS_THAN, ID, Literal.of(3000)),
                        call(Function.GREATER_THAN, ID, Literal.of(3999)))), "NOT (id < 3000 OR id > 3999)", 1),
                Arguments.of(call(Function.EQUAL, K, Literal.of(3L)), "k = 3", 1),
                Arguments.of(call(Function.GREATER_THAN, MONEY, Literal.of(new BigDecimal("95.5"))), "money > 95.5", 1),
                Arguments.of(call(Function.EQUAL, MONEY, Literal.of(new BigDecimal("12.345"))), "money = 12.345", 1),
                Arguments.of(call(Function.LESS_THAN, MONEY, Literal.of(10)), "money < 10", 1),
                Arguments.of(call(Function.EQUAL, TEXT, Literal.of("key-04500")), "s = 'key-04500'", 1),
                Arguments.of(call(Function.GREATER_THAN_OR_EQUAL, TEXT, Literal.of("key-09")), "s >= 'key-09'", 1),
                Arguments.of(call(Function.LESS_THAN, TEXT, Literal.of("key-00999")), "s < 'key-00999'", 1),
                Arguments.of(call(Function.GREATER_THAN, TEXT, Literal.of("kez")), "s > 'kez'", 0),
                Arguments.of(call(Function.GREATER_THAN_OR_EQUAL, DAY, Literal.of("2020-04-01")), "day >= '2020-04-01'", 1),
                Arguments.of(call(Function.LESS_THAN, DAY, Literal.of(LocalDate.of(2020, 1, 11))), "day < DATE '2020-01-11'", 1),
                Arguments.of(call(Function.LESS_THAN, TS, Literal.of(LocalDate.of(2020, 1, 2))), "ts < DATE '2020-01-02'", 2),
                Arguments.of(call(Function.GREATER_THAN, DAY, new Literal(java.time.LocalDateTime.of(2020, 4, 8, 12, 0), DataType.TIMESTAMP)),
                        "day > TIMESTAMP '2020-04-08 12:00:00'", 1),
                Arguments.of(call(Function.IS_NULL, SPARSE), "sparse IS NULL", 3),
                Arguments.of(call(Function.IS_NOT_NULL, SPARSE), "sparse IS NOT NULL", 7),
                Arguments.of(call(Function.EQUAL, SPARSE, Literal.of(5)), "sparse = 5", 0),
                Arguments.of(call(Function.IS_NOT_DISTINCT_FROM, SPARSE, Literal.nullOf(DataType.BIGINT)),
                        "sparse IS NOT DISTINCT FROM NULL", 3),
                Arguments.of(call(Function.EQUAL, ID, Literal.nullOf(DataType.BIGINT)), "id = NULL", 0),
                Arguments.of(FLAG, "flag", 5),
                Arguments.of(call(Function.NOT, FLAG), "NOT flag", 5),
                Arguments.of(call(Function.LESS_THAN, DBL, Literal.of(-1.0)), "dbl < -1", 0),
                Arguments.of(call(Function.LESS_THAN, DBL, Literal.of(1000)), "dbl < 1000", 1),
                Arguments.of(call(Function.GREATER_THAN, DBL, Literal.of(1e9)), "dbl > 1e9", 10),
                Arguments.of(call(Function.NOT_EQUAL, ID, Literal.of(5)), "id <> 5", 10),
                Arguments.of(call(Function.LIKE, TEXT, Literal.of("key-00%")), "s LIKE 'key-00%'", 10),
                Arguments.of(call(Function.EQUAL, Functions.cast(ID, DataType.VARCHAR), Literal.of("5")), "id::VARCHAR = '5'", 10),
                Arguments.of(Literal.of(false), "false", 0),
                Arguments.of(call(Function.EQUAL, ID, call(Function.ADD, K, Literal.of(1))), "id = k + 1", 10));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("filters")
    void skipsOnlyRowGroupsWithoutMatchingRows(Expr filter, String sql, int expectedKept) {
        ParquetScanPlan plan = source.planScan(new ScanSpec(List.of(0), List.of(filter), 1024, 1));
        Set<Integer> kept = new TreeSet<>();
        for (ScanTask task : plan.tasks()) {
            for (int rowGroup : ((ParquetScanTask) task).rowGroups()) {
                kept.add(rowGroup);
            }
        }
        Set<Long> needed = new TreeSet<>();
        duckDb.query("SELECT DISTINCT id // 1000 FROM read_parquet('%s') WHERE %s".formatted(file, sql))
                .forEach(row -> needed.add((Long) row.get(0)));

        assertThat(plan.rowGroups()).isEqualTo(10);
        assertThat(kept).as("row groups kept").hasSize(expectedKept);
        assertThat(needed.stream().map(Long::intValue).toList()).as("row groups with matching rows").isSubsetOf(kept);
        assertThat(plan.rowGroupsSkipped()).isEqualTo(10 - expectedKept);
        assertThat(plan.summary()).contains((10 - expectedKept) + " skipped by statistics");
    }

    @Test
    void severalFiltersAreAndedAndSkippedGroupsAreNotRead() {
        List<Expr> filters = List.of(call(Function.GREATER_THAN_OR_EQUAL, ID, Literal.of(2000)), call(Function.LESS_THAN, K, Literal.of(4)));
        ParquetScanPlan plan = source.planScan(new ScanSpec(List.of(0, 1), filters, 1024, 1L << 30));
        assertThat(plan.tasks()).singleElement().satisfies(task -> assertThat(task.describe()).startsWith("sorted.parquet row groups 2-3 (4096 rows)"));
        BufferAllocator allocator = TestAllocators.newRoot();
        try {
            List<List<Object>> rows = TableScans.readRows(source, new ScanSpec(List.of(0, 1), filters, 1024, 1L << 30), allocator);
            assertThat(rows).hasSize(4096);
            assertThat(rows.get(0)).containsExactly(2000L, 2);
            assertThat(rows.getLast()).containsExactly(3999L, 3);
        } finally {
            TestAllocators.closeChecked(allocator);
        }
    }

    @Test
    void missingStatisticsNeverSkip() {
        ColumnBounds unknown = new ColumnBounds(DataType.BIGINT, null, null, -1, 100, false);
        StatisticsFilter filter = new StatisticsFilter(index -> unknown);
        assertThat(filter.mightMatch(call(Function.EQUAL, ID, Literal.of(5)))).isTrue();
        assertThat(filter.mightMatch(call(Function.IS_NULL, ID))).isTrue();
        assertThat(filter.mightMatch(call(Function.IS_NOT_NULL, ID))).isTrue();
        // ... except for what holds whatever the values: a comparison with NULL is never true.
        assertThat(filter.mightMatch(call(Function.EQUAL, ID, Literal.nullOf(DataType.BIGINT)))).isFalse();

        ColumnBounds onlyNullCount = new ColumnBounds(DataType.BIGINT, null, null, 100, 100, false);
        StatisticsFilter allNull = new StatisticsFilter(index -> onlyNullCount);
        assertThat(allNull.mightMatch(call(Function.EQUAL, ID, Literal.of(5)))).isFalse();
        assertThat(allNull.mightMatch(call(Function.IS_NULL, ID))).isTrue();
        assertThat(allNull.mightMatch(call(Function.IS_NOT_NULL, ID))).isFalse();
    }

    @Test
    void decimalBoundsCompareByValueAcrossScales() {
        ColumnBounds money = new ColumnBounds(DataType.decimal(15, 2), new BigDecimal("1.50"), new BigDecimal("2.50"), 0, 10, false);
        StatisticsFilter filter = new StatisticsFilter(index -> money);
        ColumnRef column = new ColumnRef(0, "money", DataType.decimal(15, 2));
        assertThat(filter.mightMatch(call(Function.EQUAL, column, Literal.of(new BigDecimal("2.5"))))).isTrue();
        assertThat(filter.mightMatch(call(Function.GREATER_THAN, column, Literal.of(new BigDecimal("2.5000"))))).isFalse();
        assertThat(filter.mightMatch(call(Function.LESS_THAN, column, Literal.of(new BigDecimal("1.500001"))))).isTrue();
        assertThat(filter.mightMatch(call(Function.LESS_THAN, column, Literal.of(1)))).isFalse();
        assertThat(IntStream.of(1, 2).mapToObj(i -> filter.mightMatch(call(Function.EQUAL, column, Literal.of(i)))).toList())
                .containsExactly(false, true);
    }

    /** Task sizing must see that a narrow column is a small part of the file, not an even share of it. */
    @Test
    void projectedBytesAreTheProjectedColumnChunks() {
        long all = source.estimatedBytes(IntStream.range(0, 9).boxed().toList());
        long flag = source.estimatedBytes(List.of(7));
        long text = source.estimatedBytes(List.of(3));
        assertThat(all).isEqualTo(source.estimatedBytes());
        assertThat(flag).isPositive().isLessThan(source.estimatedBytes() / 9);
        assertThat(text).isGreaterThan(flag);
        assertThat(source.estimatedBytes(List.of(3, 7))).isEqualTo(text + flag);
    }
}
