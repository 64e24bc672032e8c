package dev.spillway.io.parquet;

import static dev.spillway.testing.TableScans.allColumns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.data.Batch;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanTask;
import dev.spillway.testing.TableScans;
import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * String columns read from dictionary pages as codes, copied only on access: values and NULLs as written, a
 * dictionary that overflows so that plain pages follow in the same column chunk (inside a batch too), and
 * batches that outlive their reader.
 */
class DictionaryStringsTest {
    static final Schema SCHEMA = Schema.of(Field.of("s", DataType.VARCHAR), Field.of("n", DataType.INTEGER));

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

    /** 6,000 rows of a dozen values (and NULLs), then 6,000 distinct long strings that overflow a 4 KB dictionary. */
    static List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            String value = i % 17 == 0 ? null : i < 6_000 ? "few-ü-" + (i % 12) : "unique-" + i + "-" + "x".repeat(i % 40);
            rows.add(Arrays.asList(value, i));
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 3333, 12_000})
    void readsDictionaryThenPlainPagesAsWritten(int batchRows) {
        Path file = dir.resolve("fallback.parquet");
        List<List<Object>> rows = rows();
        ParquetTestFiles.write(file, SCHEMA, rows, new ParquetWriteOptions(ParquetCompression.SNAPPY, 64L << 20, 4096), 1000, allocator);
        ParquetSource source = new ParquetSource(file.toString());
        int[] coded = new int[1];
        int[] plain = new int[1];
        List<List<Object>> read = new ArrayList<>();
        TableScans.forEachBatch(source.plan(allColumns(source, batchRows).withCodedColumns(Set.of(0))), batchRows, allocator, batch -> {
            if (batch.codes(0) != null) {
                coded[0]++;
            } else {
                plain[0]++;
            }
            read.addAll(TableScans.rows(batch));
        });
        assertThat(read).isEqualTo(rows);
        // With 12,000-row batches the one batch spans the switch to plain pages, so it is decoded as plain strings.
        assertThat(coded[0] > 0).as("batches read as codes").isEqualTo(batchRows < 6_000);
        assertThat(plain[0]).as("batches with plain pages").isPositive();
    }

    @Test
    void batchesOutliveTheirReaderAndFreeEverything() {
        Path file = dir.resolve("few.parquet");
        List<List<Object>> rows = rows().subList(0, 6_000);
        ParquetTestFiles.write(file, SCHEMA, rows, allocator);
        ParquetSource source = new ParquetSource(file.toString());
        List<Batch> kept = new ArrayList<>();
        try {
            for (ScanTask task : source.plan(allColumns(source, 1024).withCodedColumns(Set.of(0)))) {
                try (BatchReader reader = task.open(new ScanContext(allocator, 1024, () -> false))) {
                    for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                        kept.add(batch);
                    }
                }
            }
            // The readers and their dictionaries' other owners are closed: the strings are copied only now, and only
            // for every other batch.
            List<List<Object>> read = new ArrayList<>();
            List<List<Object>> expected = new ArrayList<>();
            for (int b = 0; b < kept.size(); b += 2) {
                assertThat(kept.get(b).codes(0)).isNotNull();
                read.addAll(TableScans.rows(kept.get(b)));
                expected.addAll(rows.subList(b * 1024, Math.min(rows.size(), (b + 1) * 1024)));
            }
            assertThat(kept).hasSizeGreaterThan(3);
            assertThat(read).isEqualTo(expected);
        } finally {
            // The batches never materialized must still release the dictionary and the codes.
            kept.forEach(Batch::close);
        }
    }

    @Test
    void columnsNotAskedForAreDecodedWithoutCodes() {
        Path file = dir.resolve("plain.parquet");
        List<List<Object>> rows = rows().subList(0, 6_000);
        ParquetTestFiles.write(file, SCHEMA, rows, allocator);
        ParquetSource source = new ParquetSource(file.toString());
        List<List<Object>> read = new ArrayList<>();
        TableScans.forEachBatch(source.plan(allColumns(source, 1024)), 1024, allocator, batch -> {
            assertThat(batch.codes(0)).isNull();
            read.addAll(TableScans.rows(batch));
        });
        assertThat(read).isEqualTo(rows);
    }
}
