package dev.spillway.io.parquet;

import static dev.spillway.testing.TableScans.allColumns;
import static dev.spillway.testing.TableScans.readRows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.io.ScanSpec;
import dev.spillway.testing.TableScans;
import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetRoundTripTest {
    static final Schema ALL_TYPES = Schema.of(
            Field.of("b", DataType.BOOLEAN),
            Field.of("i", DataType.INTEGER),
            Field.of("l", DataType.BIGINT),
            Field.of("d", DataType.DOUBLE),
            Field.of("money", DataType.decimal(15, 2)),
            Field.of("wide", DataType.decimal(38, 10)),
            Field.of("s", DataType.VARCHAR),
            Field.of("day", DataType.DATE),
            Field.of("ts", DataType.TIMESTAMP));

    @TempDir
    Path dir;
    BufferAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = TestAllocators.newRoot();
    }

    @AfterEach
    void tearDown() {
        TestAllocators.closeChecked(allocator);
    }

    static List<List<Object>> edgeRows() {
        BigDecimal maxWide = new BigDecimal(BigInteger.TEN.pow(38).subtract(BigInteger.ONE), 10);
        return List.of(
                row(true, 1, 1L, 1.5, dec("12.34", 2), dec("1.0000000001", 10), "hello", LocalDate.of(2024, 2, 29),
                        LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000)),
                row(null, null, null, null, null, null, null, null, null),
                row(false, Integer.MIN_VALUE, Long.MIN_VALUE, -0.0, dec("-9999999999999.99", 2), maxWide.negate(), "",
                        LocalDate.of(1, 1, 1), LocalDateTime.of(1900, 1, 1, 0, 0)),
                row(true, Integer.MAX_VALUE, Long.MAX_VALUE, Double.MAX_VALUE, dec("9999999999999.99", 2), maxWide,
                        "ünïcödé ✓ 日本語 🎉", LocalDate.of(9999, 12, 31), LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_000)),
                row(false, 0, 0L, Double.NaN, dec("0.00", 2), dec("-0.0000000001", 10), "x".repeat(100_000),
                        LocalDate.of(1969, 12, 31), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)),
                row(null, -1, -1L, Double.NEGATIVE_INFINITY, dec("-0.01", 2), null, "tab\tnew\nline\u0000nul", null,
                        LocalDateTime.of(1970, 1, 1, 0, 0)),
                row(true, null, 42L, Double.POSITIVE_INFINITY, null, dec("12345678901234567890.1234567890", 10), null,
                        LocalDate.of(1970, 1, 1), null));
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    static BigDecimal dec(String text, int scale) {
        return new BigDecimal(text).setScale(scale);
    }

    @Test
    void everyTypeRoundTripsWithNullsAndEdgeValues() {
        Path file = dir.resolve("types.parquet");
        ParquetTestFiles.write(file, ALL_TYPES, edgeRows(), allocator);

        ParquetSource source = new ParquetSource(file.toString());
        assertThat(source.schema()).isEqualTo(ALL_TYPES);
        assertThat(source.estimatedRows()).isEqualTo(edgeRows().size());
        assertThat(readRows(source, allColumns(source, 3), allocator)).isEqualTo(edgeRows());
    }

    @ParameterizedTest
    @EnumSource(ParquetCompression.class)
    void randomRowsRoundTripWithEveryCompressionAndBatchSize(ParquetCompression compression) {
        List<List<Object>> rows = randomRows(new Random(42), 20_000);
        Path file = dir.resolve("random.parquet");
        ParquetTestFiles.write(file, ALL_TYPES, rows, ParquetWriteOptions.defaults().withCompression(compression), 3000, allocator);

        ParquetSource source = new ParquetSource(file.toString());
        for (int batchRows : new int[] {1, 777, 4096, 100_000}) {
            assertThat(readRows(source, allColumns(source, batchRows), allocator)).as("batch rows %d", batchRows).isEqualTo(rows);
        }
    }

    @Test
    void manyRowGroupsAreReadInOrderAndSplitIntoTasks() {
        List<List<Object>> rows = randomRows(new Random(7), 60_000);
        Path file = dir.resolve("groups.parquet");
        ParquetTestFiles.write(file, ALL_TYPES, rows, ParquetWriteOptions.defaults().withRowGroupBytes(128 << 10), 2000, allocator);

        ParquetSource source = new ParquetSource(file.toString());
        ParquetFile footer = ParquetFile.open(file);
        assertThat(footer.rowGroups()).hasSizeGreaterThan(5);

        ScanSpec oneGroupPerTask = new ScanSpec(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), List.of(), 1000, 1);
        ParquetScanPlan plan = source.planScan(oneGroupPerTask);
        assertThat(plan.tasks()).hasSize(footer.rowGroups().size());
        assertThat(plan.rowGroups()).isEqualTo(footer.rowGroups().size());
        assertThat(plan.tasks().get(1).describe()).startsWith("groups.parquet row groups 1 (");
        assertThat(readRows(source, oneGroupPerTask, allocator)).isEqualTo(rows);

        ScanSpec bigTasks = new ScanSpec(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), List.of(), 1000, 1L << 40);
        assertThat(source.plan(bigTasks)).singleElement()
                .satisfies(task -> assertThat(task.describe()).startsWith("groups.parquet row groups 0-"));
        List<Integer> batchSizes = new ArrayList<>();
        TableScans.forEachBatch(source.plan(bigTasks), 1000, allocator, batch -> batchSizes.add(batch.rowCount()));
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 1000));
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(rows.size());
    }

    @Test
    void projectionReadsOnlyTheChosenColumnsInTheChosenOrder() {
        List<List<Object>> rows = randomRows(new Random(3), 5000);
        Path file = dir.resolve("projection.parquet");
        ParquetTestFiles.write(file, ALL_TYPES, rows, allocator);
        ParquetSource source = new ParquetSource(file.toString());

        ScanSpec spec = new ScanSpec(List.of(6, 0, 4), List.of(), 1024, 1L << 30);
        List<List<Object>> expected = rows.stream().map(r -> Arrays.asList(r.get(6), r.get(0), r.get(4))).toList();
        assertThat(readRows(source, spec, allocator)).isEqualTo(expected);

        ScanSpec countOnly = new ScanSpec(List.of(), List.of(), 1024, 1L << 30);
        int[] total = new int[1];
        TableScans.forEachBatch(source.plan(countOnly), 1024, allocator, batch -> {
            assertThat(batch.columnCount()).isZero();
            total[0] += batch.rowCount();
        });
        assertThat(total[0]).isEqualTo(rows.size());
    }

    @Test
    void emptyFileHasSchemaAndNoRows() {
        Path file = dir.resolve("empty.parquet");
        ParquetTestFiles.write(file, ALL_TYPES, List.of(), allocator);

        ParquetSource source = new ParquetSource(file.toString());
        assertThat(source.schema()).isEqualTo(ALL_TYPES);
        assertThat(source.estimatedRows()).isZero();
        assertThat(source.plan(allColumns(source, 100))).isEmpty();
    }

    @Test
    void globReadsSeveralFilesInNameOrder() {
        List<List<Object>> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<List<Object>> rows = randomRows(new Random(i), 1000 + i);
            ParquetTestFiles.write(dir.resolve("part-" + i + ".parquet"), ALL_TYPES, rows, allocator);
            all.addAll(rows);
        }
        ParquetSource source = new ParquetSource(dir + "/part-*.parquet");
        assertThat(source.files()).hasSize(3);
        assertThat(source.describe()).contains("(3 files)");
        assertThat(source.estimatedRows()).isEqualTo(all.size());
        assertThat(source.estimatedBytes()).isPositive();
        assertThat(readRows(source, allColumns(source, 500), allocator)).isEqualTo(all);
    }

    @Test
    void writerPublishesOnlyOnCommit() throws Exception {
        Path file = dir.resolve("atomic.parquet");
        try (ParquetBatchWriter writer = new ParquetBatchWriter(file, ALL_TYPES, ParquetWriteOptions.defaults(), allocator)) {
            assertThat(file).doesNotExist();
            assertThat(listDir()).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).startsWith(".atomic.parquet."));
            writer.commit();
        }
        assertThat(listDir()).containsExactly(file);

        // Closing without commit leaves the old file and no temporary file.
        ParquetBatchWriter uncommitted = new ParquetBatchWriter(file, ALL_TYPES, ParquetWriteOptions.defaults(), allocator);
        ParquetTestFiles.write(dir.resolve("unused.parquet"), ALL_TYPES, edgeRows(), allocator);
        Files.delete(dir.resolve("unused.parquet"));
        uncommitted.close();
        assertThat(listDir()).containsExactly(file);
        assertThat(new ParquetSource(file.toString()).estimatedRows()).isZero();

        ParquetBatchWriter aborted = new ParquetBatchWriter(file, ALL_TYPES, ParquetWriteOptions.defaults(), allocator);
        aborted.abort();
        aborted.close();
        assertThat(listDir()).containsExactly(file);
    }

    @Test
    void writerAndReaderMemoryIsBoundedByTheRowGroupNotTheFile() throws Exception {
        Path file = dir.resolve("big.parquet");
        long rowGroupBytes = 128 << 10;
        List<List<Object>> rows = randomRows(new Random(9), 5000);
        try (BufferAllocator writerMemory = allocator.newChildAllocator("writer", 0, Long.MAX_VALUE);
             BufferAllocator batchMemory = allocator.newChildAllocator("batches", 0, Long.MAX_VALUE);
             ParquetBatchWriter writer = new ParquetBatchWriter(file, ALL_TYPES,
                     new ParquetWriteOptions(ParquetCompression.SNAPPY, rowGroupBytes, 32 << 10), writerMemory);
             dev.spillway.data.BatchBuilder builder = new dev.spillway.data.BatchBuilder(ALL_TYPES, rows.size(), batchMemory)) {
            rows.forEach(builder::appendRow);
            try (dev.spillway.data.Batch batch = builder.finish()) {
                for (int i = 0; i < 30; i++) {
                    writer.write(batch);
                }
            }
            writer.commit();
            assertThat(Files.size(file)).isGreaterThan(30 * rowGroupBytes);
            assertThat(writerMemory.getPeakMemoryAllocation()).as("writer peak").isLessThan(12 * rowGroupBytes);
        }

        ParquetSource source = new ParquetSource(file.toString());
        try (BufferAllocator readerMemory = allocator.newChildAllocator("reader", 0, Long.MAX_VALUE)) {
            long[] rowsRead = {0};
            TableScans.forEachBatch(source.plan(allColumns(source, 1000)), 1000, readerMemory, batch -> rowsRead[0] += batch.rowCount());
            assertThat(rowsRead[0]).isEqualTo(30L * rows.size());
            assertThat(readerMemory.getPeakMemoryAllocation()).as("reader peak").isLessThan(Files.size(file) / 8);
        }
    }

    private List<Path> listDir() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** Rows over all types with about 10% NULLs, repeated values (dictionary pages) and unique ones (plain). */
    static List<List<Object>> randomRows(Random random, int count) {
        String[] words = {"alpha", "beta", "γάμμα", "", "delta with a longer text", "e"};
        List<List<Object>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(Arrays.asList(
                    maybe(random, random.nextBoolean()),
                    maybe(random, random.nextInt()),
                    maybe(random, random.nextInt(4) == 0 ? random.nextLong() : (long) random.nextInt(50)),
                    maybe(random, random.nextGaussian() * 1e6),
                    maybe(random, BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000_000L, 2)),
                    maybe(random, new BigDecimal(new BigInteger(120, random), 10).multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1))),
                    maybe(random, random.nextBoolean() ? words[random.nextInt(words.length)] : "unique-" + random.nextInt()),
                    maybe(random, LocalDate.ofEpochDay(random.nextInt(40_000) - 10_000)),
                    maybe(random, LocalDateTime.of(2000, 1, 1, 0, 0).plusNanos(random.nextLong(1L << 60) / 1000 * 1000))));
        }
        return rows;
    }

    private static Object maybe(Random random, Object value) {
        return random.nextInt(10) == 0 ? null : value;
    }
}
