package dev.spillway.io.json;

import static dev.spillway.io.text.TextFiles.write;
import static java.util.Arrays.asList;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.io.ScanSpec;
import dev.spillway.io.text.ScanResults;
import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inferred columns and the rows JSON files read as; expectations checked against DuckDB 2.0's read_json_auto. */
class JsonReaderTest {
    @TempDir
    Path directory;

    private BufferAllocator allocator;

    @BeforeEach
    void openAllocator() {
        allocator = TestAllocators.newRoot();
    }

    @AfterEach
    void checkLeaks() {
        TestAllocators.closeChecked(allocator);
    }

    private JsonLinesSource source(String content) {
        return JsonLinesSource.of(write(directory, "data.json", content));
    }

    private List<List<Object>> read(String content) {
        return ScanResults.readAll(source(content), allocator);
    }

    @Test
    void infersTypesPerKey() {
        var source = source("""
                {"a": 1, "b": 1.5, "c": "x", "d": true, "e": "2020-01-01", "f": "2020-01-01 10:00:00", "g": {"x": 1}, "h": [1,2], "i": null, "j": 1, "k": 1}
                {"a": 2, "b": 2, "c": "y", "d": false, "e": "2021-02-03", "f": "2020-01-01 11:00:00", "g": {"x": 2, "y": "z"}, "h": [], "i": null, "j": "s", "k": 99999999999999999999, "l": "new"}
                """);
        assertThat(source.schema().names()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
        assertThat(source.schema().types()).containsExactly(DataType.BIGINT, DataType.DOUBLE, DataType.VARCHAR, DataType.BOOLEAN,
                DataType.DATE, DataType.TIMESTAMP, DataType.VARCHAR, DataType.VARCHAR, DataType.VARCHAR, DataType.VARCHAR, DataType.DOUBLE,
                DataType.VARCHAR);
        assertThat(source.layout().columns().stream().filter(JsonColumn::jsonText).map(JsonColumn::name)).containsExactly("g", "h", "j");
        assertThat(ScanResults.readAll(source, allocator)).containsExactly(
                asList(1L, 1.5, "x", true, LocalDate.of(2020, 1, 1), LocalDateTime.of(2020, 1, 1, 10, 0), "{\"x\":1}", "[1,2]", null, "1", 1.0,
                        null),
                asList(2L, 2.0, "y", false, LocalDate.of(2021, 2, 3), LocalDateTime.of(2020, 1, 1, 11, 0), "{\"x\":2,\"y\":\"z\"}", "[]",
                        null, "\"s\"", 1e20, "new"));
    }

    @Test
    void integersBeyondBigintLikeDuckDb() {
        // DuckDB: up to 2^64-1 HUGEINT (here DECIMAL(38,0)), larger DOUBLE.
        var unsigned = source("{\"a\": 1}\n{\"a\": 18446744073709551615}\n");
        assertThat(unsigned.schema().types()).containsExactly(DataType.decimal(38, 0));
        assertThat(ScanResults.readAll(unsigned, allocator))
                .containsExactly(asList(new java.math.BigDecimal("1")), asList(new java.math.BigDecimal("18446744073709551615")));
        assertThat(source("{\"a\": 1}\n{\"a\": 18446744073709551616}\n").schema().types()).containsExactly(DataType.DOUBLE);
        assertThat(source("{\"a\": 1}\n{\"a\": -5}\n").schema().types()).containsExactly(DataType.BIGINT);
    }

    @Test
    void missingKeysAreNullAndKeysMayComeInAnyOrder() {
        assertThat(read("{\"a\":1}\n{\"b\":\"x\",\"a\":2}\n{\"c\":null}\n"))
                .containsExactly(asList(1L, null, null), asList(2L, "x", null), asList(null, null, null));
    }

    @Test
    void emptyLinesAndWhitespaceBetweenValues() {
        assertThat(read("\n{\"a\":1}\n\n  {\"a\":2}  \r\n\n")).containsExactly(asList(1L), asList(2L));
    }

    @Test
    void topLevelArrayOfObjects() {
        var source = source("[{\"a\":1,\"b\":\"x\"},\n {\"b\":\"y\",\"a\":2}]\n");
        assertThat(source.layout().format()).isEqualTo(JsonFormat.ARRAY);
        assertThat(ScanResults.readAll(source, allocator)).containsExactly(asList(1L, "x"), asList(2L, "y"));
        assertThat(read("[]")).isEmpty();
    }

    @Test
    void prettyPrintedObjectsAreReadWholeAndNotSplit() {
        var source = source("{\"a\": 1,\n \"b\": 2}\n{\"a\": 3,\n \"b\": 4}\n");
        assertThat(source.layout().format()).isEqualTo(JsonFormat.UNSTRUCTURED);
        assertThat(source.plan(new ScanSpec(List.of(0, 1), List.of(), 10, 8))).hasSize(1);
        assertThat(ScanResults.readAll(source, allocator, 8, 10)).containsExactly(asList(1L, 2L), asList(3L, 4L));
    }

    @Test
    void valuesThatAreNotObjectsAreOneJsonColumn() {
        var scalars = source("1\n2\n");
        assertThat(scalars.schema().names()).containsExactly("json");
        assertThat(ScanResults.readAll(scalars, allocator)).containsExactly(asList(1L), asList(2L));
        assertThat(read("{\"a\":1}\n[1,2]\n")).containsExactly(asList("{\"a\":1}"), asList("[1,2]"));
        assertThat(source("").schema().names()).containsExactly("json");
    }

    @Test
    void stringsWithEscapesAndUnicode() {
        assertThat(read("{\"s\":\"line\\nbreak \\\"q\\\" \\u00e9 日本 \\ud83d\\ude80\"}\n"))
                .containsExactly(asList("line\nbreak \"q\" é 日本 🚀"));
    }

    @Test
    void nestedValuesKeepTheirJsonText() {
        assertThat(read("{\"n\":{\"list\":[1,2.5,\"x\",null,true],\"s\":\"a\\\"b\"}}\n"))
                .containsExactly(asList("{\"list\":[1,2.5,\"x\",null,true],\"s\":\"a\\\"b\"}"));
    }

    @Test
    void userColumnsSelectAndTypeKeys() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("a", "INTEGER");
        columns.put("b", "JSON");
        columns.put("c", "VARCHAR");
        var source = JsonLinesSource.of(write(directory, "u.json", "{\"a\":1,\"b\":\"x\",\"c\":5,\"z\":1}\n{\"b\":[1],\"c\":{\"k\":true}}\n"),
                Map.of("columns", columns));
        assertThat(source.schema().types()).containsExactly(DataType.INTEGER, DataType.VARCHAR, DataType.VARCHAR);
        assertThat(ScanResults.readAll(source, allocator)).containsExactly(asList(1, "\"x\"", "5"), asList(null, "[1]", "{\"k\":true}"));
    }

    @Test
    void stringsConvertToRequestedTypes() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("n", "BIGINT");
        columns.put("d", "DOUBLE");
        columns.put("t", "TIMESTAMP");
        columns.put("m", "DECIMAL(6,2)");
        var source = JsonLinesSource.of(write(directory, "s.json", "{\"n\":\"42\",\"d\":\"1e3\",\"t\":\"2020-01-02T03:04:05Z\",\"m\":1.234}\n"),
                Map.of("columns", columns));
        assertThat(ScanResults.readAll(source, allocator))
                .containsExactly(asList(42L, 1000.0, LocalDateTime.of(2020, 1, 2, 3, 4, 5), new java.math.BigDecimal("1.23")));
    }

    @Test
    void projectionAndSmallBatches() {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            content.append("{\"i\":").append(i).append(",\"s\":\"v").append(i).append("\",\"skip\":{\"deep\":[").append(i).append("]}}\n");
        }
        var source = source(content.toString());
        List<List<Object>> rows = ScanResults.read(source, List.of(1, 0), allocator, 1 << 20, 7);
        assertThat(rows).hasSize(500);
        assertThat(rows.get(499)).containsExactly("v499", 499L);
        assertThat(ScanResults.read(source, List.of(), allocator, 1 << 20, 64)).hasSize(500);
    }

    @Test
    void globOfFiles() {
        write(directory, "parts/a.json", "{\"x\":1}\n");
        write(directory, "parts/b.json", "{\"x\":2}\n{\"x\":3}\n");
        var source = JsonLinesSource.of(directory.resolve("parts/*.json").toString());
        assertThat(source.describe()).endsWith("parts/*.json (2 files) (newline_delimited)");
        assertThat(ScanResults.readAll(source, allocator)).containsExactly(asList(1L), asList(2L), asList(3L));
    }
}
