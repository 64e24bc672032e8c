package dev.spillway.io.json;

import static dev.spillway.io.text.TextFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.io.text.DuckDbOracle;
import dev.spillway.io.text.ScanResults;
import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated JSON Lines files read by DuckDB's {@code read_json_auto} and by {@link JsonLinesSource}: the same keys
 * in the same order, the same types (DuckDB's STRUCT, LIST and JSON are JSON text here, its NULL type VARCHAR, and
 * its HUGEINT for integer keys with both signs BIGINT), and
 * the same values (nested values compared as DuckDB's JSON text).
 */
class JsonDuckDbDifferentialTest {
    private static DuckDbOracle duckDb;

    @TempDir
    Path directory;

    private BufferAllocator allocator;

    @BeforeAll
    static void startDuckDb() {
        duckDb = new DuckDbOracle();
    }

    @AfterAll
    static void stopDuckDb() {
        duckDb.close();
    }

    @BeforeEach
    void openAllocator() {
        allocator = TestAllocators.newRoot();
    }

    @AfterEach
    void checkLeaks() {
        TestAllocators.closeChecked(allocator);
    }

    @Test
    void generatedFiles() {
        for (long seed = 0; seed < 30; seed++) {
            String file = write(directory, "gen" + seed + ".json", new RandomJson(seed).file(30 + (int) seed * 10));
            var source = JsonLinesSource.of(file);
            List<DuckDbOracle.Column> expected = duckDb.describe("read_json_auto(" + DuckDbOracle.literal(file) + ")");
            assertThat(source.schema().names()).as("seed %d", seed).isEqualTo(expected.stream().map(DuckDbOracle.Column::name).toList());
            for (int i = 0; i < expected.size(); i++) {
                String duckDbType = expected.get(i).duckDbType();
                JsonColumn column = source.layout().columns().get(i);
                boolean nested = duckDbType.equals("JSON") || duckDbType.startsWith("STRUCT") || duckDbType.endsWith("[]");
                assertThat(column.jsonText()).as("seed %d column %s (DuckDB %s)", seed, column.name(), duckDbType).isEqualTo(nested);
                DataType type = nested || duckDbType.equals("\"NULL\"") ? DataType.VARCHAR : expected.get(i).spillwayType();
                if (duckDbType.equals("HUGEINT") && column.type().equals(DataType.BIGINT)) {
                    // DuckDB reads positive integers as unsigned, negative as signed, and unifies the two as HUGEINT.
                    type = DataType.BIGINT;
                }
                assertThat(column.type()).as("seed %d column %s (DuckDB %s)", seed, column.name(), duckDbType).isEqualTo(type);
            }
            // Values: DuckDB reads with our columns, so that nested values come back as its JSON text.
            StringJoiner columns = new StringJoiner(", ", "{", "}");
            for (JsonColumn column : source.layout().columns()) {
                columns.add(DuckDbOracle.literal(column.name()) + ": " + DuckDbOracle.literal(column.jsonText() ? "JSON" : column.type().toString()));
            }
            String call = "read_json(" + DuckDbOracle.literal(file) + ", columns = " + columns + ")";
            List<List<Object>> rows = duckDb.rows(call, source.schema());
            assertThat(ScanResults.readAll(source, allocator)).as("seed %d: %s", seed, source.schema()).isEqualTo(rows);
            assertThat(ScanResults.readAll(source, allocator, Math.max(256, source.estimatedBytes() / 5), 50)).as("seed %d", seed)
                    .isEqualTo(rows);
        }
    }
}
