package dev.spillway.io.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.io.parquet.ParquetSource;
import dev.spillway.testing.DuckDbOracle;
import dev.spillway.testing.TableScans;
import dev.spillway.testing.TestAllocators;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TPC-H SF 0.01 written as Parquet by Spillway, checked by DuckDB reading the files. */
class TpchDataTest {
    @TempDir
    static Path dir;
    static List<Path> files;
    static BufferAllocator allocator;
    static DuckDbOracle duckDb;

    @BeforeAll
    static void generate() {
        allocator = TestAllocators.newRoot();
        files = TpchData.generateParquet(dir, 0.01, allocator);
        duckDb = new DuckDbOracle();
        for (Path file : files) {
            String table = file.getFileName().toString().replace(".parquet", "");
            duckDb.execute("CREATE VIEW %s AS SELECT * FROM read_parquet('%s')".formatted(table, file));
        }
    }

    @AfterAll
    static void tearDown() {
        duckDb.close();
        TestAllocators.closeChecked(allocator);
    }

    @Test
    void writesOneFilePerTableWithTheDbgenRowCounts() {
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("region.parquet", "nation.parquet",
                "supplier.parquet", "customer.parquet", "part.parquet", "partsupp.parquet", "orders.parquet", "lineitem.parquet");
        for (String table : TpchSource.tableNames()) {
            assertThat((Long) duckDb.queryValue("SELECT count(*) FROM " + table)).as(table)
                    .isEqualTo(TpchSourceTest.ROWS_AT_SF_001.get(table));
            assertThat(new ParquetSource(dir.resolve(table + ".parquet").toString()).schema())
                    .isEqualTo(new TpchSource(table, 0.01).schema());
        }
    }

    @Test
    void checksumsThroughDuckDbMatchTheGenerator() {
        List<Object> duck = duckDb.query("""
                SELECT sum(l_extendedprice), sum(l_quantity), sum(l_discount), sum(l_tax), sum(l_orderkey), sum(l_linenumber),
                       min(l_shipdate), max(l_receiptdate), sum(length(l_comment)), count(DISTINCT l_shipmode)
                FROM lineitem""").get(0);
        // The same aggregates computed in Java from the generator itself.
        TpchSource lineitem = new TpchSource("lineitem", 0.01);
        int[] moneyColumns = {5, 4, 6, 7}; // l_extendedprice, l_quantity, l_discount, l_tax
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        long orderKeys = 0;
        long lineNumbers = 0;
        long commentLength = 0;
        LocalDate firstShip = LocalDate.MAX;
        LocalDate lastReceipt = LocalDate.MIN;
        Set<Object> shipModes = new HashSet<>();
        for (List<Object> row : TableScans.readRows(lineitem, TableScans.allColumns(lineitem, 4096), allocator)) {
            for (int i = 0; i < moneyColumns.length; i++) {
                sums[i] = sums[i].add((BigDecimal) row.get(moneyColumns[i]));
            }
            orderKeys += (Long) row.get(0);
            lineNumbers += (Integer) row.get(3);
            commentLength += ((String) row.get(15)).length();
            firstShip = Collections.min(List.of(firstShip, (LocalDate) row.get(10)));
            lastReceipt = Collections.max(List.of(lastReceipt, (LocalDate) row.get(12)));
            shipModes.add(row.get(14));
        }
        assertThat(duck).containsExactly(sums[0], sums[1], sums[2], sums[3], orderKeys, lineNumbers, firstShip, lastReceipt,
                commentLength, (long) shipModes.size());
    }

    @Test
    void duckDbAnswersTpchQueriesAsTheReferenceResults() throws IOException {
        for (int query : new int[] {1, 3, 5, 6, 10, 12, 14, 18}) {
            String sql = resource("q" + query + ".sql").replaceAll("(?m)^--.*$", "");
            List<String> expected = resource("q" + query + ".result").lines().filter(l -> !l.startsWith("--") && !l.isBlank()).toList();
            List<List<Object>> actual = duckDb.query(sql);
            assertThat(actual).as("q%d rows", query).hasSize(expected.size());
            for (int row = 0; row < expected.size(); row++) {
                String[] cells = expected.get(row).split("\\|");
                for (int column = 0; column < actual.get(row).size(); column++) {
                    assertCell(query, row, actual.get(row).get(column), cells[column]);
                }
            }
        }
    }

    @Test
    void existingFilesAreKept() throws IOException {
        Path region = dir.resolve("region.parquet");
        FileTime before = Files.getLastModifiedTime(region);
        assertThat(TpchData.generateParquet(dir, 0.01, allocator)).hasSize(8);
        assertThat(Files.getLastModifiedTime(region)).isEqualTo(before);
    }

    /** Reference results print decimals at their scale; DuckDB may return a DOUBLE (avg) or another scale. */
    private static void assertCell(int query, int row, Object actual, String expected) {
        String description = "q%d row %d: %s vs %s".formatted(query, row, actual, expected);
        if (actual instanceof Number number && expected.matches("-?[0-9]+(\\.[0-9]+)?")) {
            BigDecimal reference = new BigDecimal(expected);
            BigDecimal value = new BigDecimal(number.toString()).setScale(Math.max(reference.scale(), 0), RoundingMode.HALF_UP);
            assertThat(value.subtract(reference).abs()).as(description).isLessThanOrEqualTo(BigDecimal.ONE.movePointLeft(reference.scale()));
        } else {
            assertThat(String.valueOf(actual).trim()).as(description).isEqualTo(expected.trim());
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = io.trino.tpch.TpchTable.class.getResourceAsStream("queries/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
