package dev.spillway.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.testing.DuckDbOracle;
import dev.spillway.testing.TestAllocators;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Spillway writes Parquet files; DuckDB must read back exactly the values written, with the intended types. */
class ParquetDuckDbWriteTest {
    @TempDir
    Path dir;
    BufferAllocator allocator;
    DuckDbOracle duckDb;

    @BeforeEach
    void setUp() {
        allocator = TestAllocators.newRoot();
        duckDb = new DuckDbOracle();
    }

    @AfterEach
    void tearDown() {
        duckDb.close();
        TestAllocators.closeChecked(allocator);
    }

    @ParameterizedTest
    @EnumSource(ParquetCompression.class)
    void duckDbReadsEveryValueSpillwayWrites(ParquetCompression compression) {
        List<List<Object>> rows = new ArrayList<>(ParquetRoundTripTest.edgeRows());
        rows.addAll(ParquetRoundTripTest.randomRows(new Random(11), 30_000));
        Path file = dir.resolve("spillway.parquet");
        ParquetTestFiles.write(file, ParquetRoundTripTest.ALL_TYPES, rows,
                ParquetWriteOptions.defaults().withCompression(compression).withRowGroupBytes(256 << 10), 4096, allocator);

        assertThat(duckDb.query("SELECT * FROM read_parquet('%s')".formatted(file))).isEqualTo(rows);
        assertThat(duckDb.query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('%s'))".formatted(file)))
                .containsExactly(
                        List.of("b", "BOOLEAN"), List.of("i", "INTEGER"), List.of("l", "BIGINT"), List.of("d", "DOUBLE"),
                        List.of("money", "DECIMAL(15,2)"), List.of("wide", "DECIMAL(38,10)"), List.of("s", "VARCHAR"),
                        List.of("day", "DATE"), List.of("ts", "TIMESTAMP"));
        assertThat(duckDb.query("SELECT DISTINCT compression FROM parquet_metadata('%s')".formatted(file)))
                .containsExactly(List.of(compression.name()));
    }

    @Test
    void fileLayoutHasRowGroupsStatisticsAndFaithfulPhysicalTypes() {
        List<List<Object>> rows = ParquetRoundTripTest.randomRows(new Random(5), 50_000);
        Path file = dir.resolve("layout.parquet");
        ParquetTestFiles.write(file, ParquetRoundTripTest.ALL_TYPES, rows,
                ParquetWriteOptions.defaults().withRowGroupBytes(512 << 10), 5000, allocator);

        assertThat((Long) duckDb.queryValue("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('%s')".formatted(file)))
                .isGreaterThan(1);
        assertThat(duckDb.query("SELECT name, type, logical_type IS NOT NULL OR converted_type IS NOT NULL FROM parquet_schema('%s') WHERE name <> 'spillway_schema'"
                .formatted(file)))
                .containsExactly(
                        List.of("b", "BOOLEAN", false), List.of("i", "INT32", true), List.of("l", "INT64", true),
                        List.of("d", "DOUBLE", false), List.of("money", "INT64", true),
                        List.of("wide", "FIXED_LEN_BYTE_ARRAY", true), List.of("s", "BYTE_ARRAY", true),
                        List.of("day", "INT32", true), List.of("ts", "INT64", true));
        // Statistics are written for every column chunk, and DuckDB agrees with them.
        assertThat((Long) duckDb.queryValue("SELECT count(*) FROM parquet_metadata('%s') WHERE stats_null_count IS NULL OR stats_min_value IS NULL"
                .formatted(file))).isZero();
        assertThat(duckDb.queryValue("SELECT max(l) = (SELECT max(stats_max_value::BIGINT) FROM parquet_metadata('%s') WHERE path_in_schema = 'l') FROM read_parquet('%s')"
                .formatted(file, file))).isEqualTo(true);
        // Text with repeats is dictionary-encoded.
        assertThat(duckDb.query("SELECT encodings FROM parquet_metadata('%s') WHERE path_in_schema = 's'".formatted(file)).toString())
                .contains("DICTIONARY");
    }
}
