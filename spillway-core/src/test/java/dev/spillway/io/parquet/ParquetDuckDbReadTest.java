package dev.spillway.io.parquet;

import static dev.spillway.testing.TableScans.allColumns;
import static dev.spillway.testing.TableScans.readRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.errors.SpillwayException;
import dev.spillway.testing.DuckDbOracle;
import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DuckDB writes Parquet files with many types, encodings and codecs; Spillway must read exactly what DuckDB reads. */
class ParquetDuckDbReadTest {
    /** Every type Spillway maps, with NULLs, dictionary-friendly and unique values. */
    private static final String TABLE = """
            CREATE TABLE t AS SELECT
              i AS id,
              CASE WHEN i % 7 = 0 THEN NULL ELSE i % 3 = 0 END AS b,
              CASE WHEN i % 11 = 0 THEN NULL ELSE (i % 200 - 100)::TINYINT END AS ti,
              (i % 30000 - 15000)::SMALLINT AS si,
              CASE WHEN i % 5 = 0 THEN NULL ELSE (i * 7919 % 2000000000 - 1000000000)::INTEGER END AS int_col,
              (i * 1000000007 - 5000000000000)::BIGINT AS big,
              (i % 250)::UTINYINT AS uti,
              (i % 60000)::USMALLINT AS usi,
              (i * 2654435761 % 4294967296)::UINTEGER AS ui,
              (i * 92233720368547 % 9223372036854775807)::UBIGINT AS ubi,
              CASE WHEN i % 13 = 0 THEN NULL ELSE (i / 7.0)::FLOAT END AS f,
              (i * 1.5e10 / 7 - 1e12)::DOUBLE AS d,
              ((i % 2000 - 1000) / 10)::DECIMAL(4,1) AS dec4,
              CASE WHEN i % 17 = 0 THEN NULL ELSE ((i - 50000) * 12345.67)::DECIMAL(15,2) END AS dec15,
              ((i - 50000)::DECIMAL(38,10) * 123456789.0123456789::DECIMAL(38,10))::DECIMAL(38,10) AS dec38,
              CASE WHEN i % 9 = 0 THEN NULL ELSE ['alpha', 'beta', 'γάμμα', '', 'delta 🎉'][i % 5 + 1] END AS low_card,
              'row-' || i || repeat('x', (i % 17)::INTEGER) AS unique_text,
              CASE WHEN i % 19 = 0 THEN NULL ELSE '1990-01-01'::DATE + (i % 15000)::INTEGER END AS day,
              '2000-01-01 00:00:00'::TIMESTAMP + to_microseconds(i * 123456789) AS ts,
              ('1970-01-01 00:00:00'::TIMESTAMP + to_microseconds(i * 987654321))::TIMESTAMP_MS AS ts_ms,
              ('2020-01-01 00:00:00'::TIMESTAMP + to_microseconds(i * 1000003))::TIMESTAMP_NS AS ts_ns,
              ('bytes-' || (i % 1000))::BLOB AS blob_col
            FROM range(100000) r(i)
            """;

    /** The same columns read back by DuckDB, cast to the types Spillway maps them to. */
    private static final String EXPECTED = """
            SELECT id, b, ti::INTEGER, si::INTEGER, int_col, big, uti::INTEGER, usi::INTEGER, ui::BIGINT, ubi::BIGINT,
                   f::DOUBLE, d, dec4, dec15, dec38, low_card, unique_text, day, ts, ts_ms::TIMESTAMP, ts_ns::TIMESTAMP,
                   blob_col::VARCHAR
            FROM read_parquet('%s')
            """;

    static DuckDbOracle duckDb;

    @TempDir
    Path dir;
    BufferAllocator allocator;

    @BeforeAll
    static void createTable() {
        duckDb = new DuckDbOracle();
        duckDb.execute(TABLE);
    }

    @AfterAll
    static void stopDuckDb() {
        duckDb.close();
    }

    @BeforeEach
    void setUp() {
        allocator = TestAllocators.newRoot();
    }

    @AfterEach
    void tearDown() {
        TestAllocators.closeChecked(allocator);
    }

    @ParameterizedTest
    @CsvSource({
            "snappy, V1, 122880",
            "zstd, V2, 10000",
            "gzip, V1, 30000",
            "uncompressed, V2, 100000",
            "uncompressed, V1, 25000",
            "lz4, V1, 50000"})
    void readsWhatDuckDbWrites(String compression, String version, int rowGroupRows) {
        Path file = dir.resolve("duck.parquet");
        duckDb.execute("COPY t TO '%s' (FORMAT parquet, COMPRESSION %s, PARQUET_VERSION %s, ROW_GROUP_SIZE %d)"
                .formatted(file, compression, version, rowGroupRows));
        List<List<Object>> expected = duckDb.query(EXPECTED.formatted(file));

        ParquetSource source = new ParquetSource(file.toString());
        assertThat(source.schema().types()).containsExactly(
                DataType.BIGINT, DataType.BOOLEAN, DataType.INTEGER, DataType.INTEGER, DataType.INTEGER, DataType.BIGINT,
                DataType.INTEGER, DataType.INTEGER, DataType.BIGINT, DataType.BIGINT, DataType.DOUBLE, DataType.DOUBLE,
                DataType.decimal(4, 1), DataType.decimal(15, 2), DataType.decimal(38, 10), DataType.VARCHAR, DataType.VARCHAR,
                DataType.DATE, DataType.TIMESTAMP, DataType.TIMESTAMP, DataType.TIMESTAMP, DataType.VARCHAR);
        assertThat(source.estimatedRows()).isEqualTo(100_000);
        assertThat(readRows(source, allColumns(source, 4096), allocator)).isEqualTo(expected);
    }

    @Test
    void defaultDuckDbFilesUseBothDictionaryAndPlainPages() {
        Path file = dir.resolve("encodings.parquet");
        duckDb.execute("COPY t TO '%s' (FORMAT parquet)".formatted(file));
        List<List<Object>> encodings = duckDb.query(
                "SELECT DISTINCT encodings FROM parquet_metadata('%s') ORDER BY ALL".formatted(file));
        assertThat(encodings.toString()).contains("PLAIN_DICTIONARY").contains("[PLAIN]");
        assertThat(readRows(new ParquetSource(file.toString()), allColumns(new ParquetSource(file.toString()), 1000), allocator))
                .isEqualTo(duckDb.query(EXPECTED.formatted(file)));
    }

    @Test
    void unsignedValuesBeyondBigintAreErrorsNamingTheColumn() {
        Path file = dir.resolve("unsigned.parquet");
        duckDb.execute("COPY (SELECT 18446744073709551615::UBIGINT AS huge) TO '%s' (FORMAT parquet)".formatted(file));
        ParquetSource source = new ParquetSource(file.toString());
        assertThat(source.schema().types()).containsExactly(DataType.BIGINT);
        assertThatThrownBy(() -> readRows(source, allColumns(source, 10), allocator))
                .isInstanceOf(SpillwayException.class)
                .hasMessageContaining(file + " row group 0 column huge")
                .hasMessageContaining("UINT_64 value 18446744073709551615 does not fit in BIGINT");
    }

    @Test
    void unsupportedAndNestedColumnsAreErrorsNamingTheColumn() {
        Path time = dir.resolve("time.parquet");
        duckDb.execute("COPY (SELECT 1 AS a, TIME '12:00:00' AS noon) TO '%s' (FORMAT parquet)".formatted(time));
        assertThatThrownBy(() -> new ParquetSource(time.toString()))
                .isInstanceOf(SpillwayException.class)
                .hasMessageContaining(time.toString())
                .hasMessageContaining("column noon has unsupported Parquet type INT64");

        Path list = dir.resolve("list.parquet");
        duckDb.execute("COPY (SELECT 1 AS a, [1, 2] AS numbers) TO '%s' (FORMAT parquet)".formatted(list));
        assertThatThrownBy(() -> new ParquetSource(list.toString()))
                .isInstanceOf(SpillwayException.class)
                .hasMessageContaining(list.toString())
                .hasMessageContaining("nested column numbers is not supported");

        Path struct = dir.resolve("struct.parquet");
        duckDb.execute("COPY (SELECT {'x': 1} AS point) TO '%s' (FORMAT parquet)".formatted(struct));
        assertThatThrownBy(() -> new ParquetSource(struct.toString())).hasMessageContaining("nested column point is not supported");
    }
}
