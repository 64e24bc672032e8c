package dev.spillway.io.json;

import static dev.spillway.io.text.TextFiles.write;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.text.ScanResults;
import dev.spillway.testing.TestAllocators;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed JSON and values of the wrong type give one-line errors with file and line, and leak nothing. */
class JsonErrorTest {
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

    private void assertError(String content, Map<String, ?> options, long taskBytes, String message) {
        String file = write(directory, "data.json", content);
        assertThatThrownBy(() -> ScanResults.readAll(JsonLinesSource.of(file, options), allocator, taskBytes, 16))
                .isInstanceOf(SpillwayException.class)
                .hasMessage(message.replace("FILE", file))
                .extracting(e -> ((SpillwayException) e).kind()).isEqualTo(ErrorKind.USER_INPUT);
    }

    @Test
    void malformedJson() {
        assertError("{\"a\":1}\n{\"a\":2\n", Map.of(), 1 << 20, "FILE:3: malformed JSON: Unexpected end-of-input: expected close marker for Object");
        assertError("{\"a\":1}\n{\"a\":2}\n{\"a\" 3}\n", Map.of(), 1 << 20,
                "FILE:3: malformed JSON: Unexpected character ('3' (code 51)): was expecting a colon to separate field name and value");
    }

    @Test
    void valueOfTheWrongType() {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            content.append("{\"a\":").append(i).append("}\n");
        }
        content.append("{\"a\":\"abc\"}\n");
        assertError(content.toString(), Map.of("sample_size", 10L), 1 << 20, "FILE:31: column \"a\": cannot convert \"abc\" to BIGINT");
        assertError("{\"a\":1}\n{\"a\":{\"b\":2}}\n", Map.of("columns", Map.of("a", "BIGINT")), 1 << 20,
                "FILE:2: column \"a\": cannot convert an object to BIGINT");
        assertError("{\"a\":1}\n{\"a\":1.5}\n", Map.of("columns", Map.of("a", "BIGINT")), 1 << 20,
                "FILE:2: column \"a\": cannot convert 1.5 to BIGINT");
    }

    @Test
    void duplicateKey() {
        assertError("{\"a\":1}\n{\"a\":2,\"a\":3}\n", Map.of(), 1 << 20, "FILE:2: key \"a\" appears twice in one object");
    }

    @Test
    void valuesMustBeObjectsWhenColumnsAreKeys() {
        assertError("{\"a\":1}\n[1]\n", Map.of("columns", Map.of("a", "BIGINT")), 1 << 20, "FILE:2: expected a JSON object, found an array");
    }

    @Test
    void lineNumbersAreRightInTasksThatStartMidFile() {
        StringBuilder content = new StringBuilder();
        for (int i = 1; i <= 3000; i++) {
            content.append(i == 2500 ? "{\"a\": true}" : "{\"a\": " + i + "}").append(i % 2 == 0 ? "\r\n" : "\n");
        }
        assertError(content.toString(), Map.of("sample_size", 100L), 1024, "FILE:2500: column \"a\": cannot convert true to BIGINT");
        assertError(content.toString().replace("{\"a\": true}", "{\"a\": tru}"), Map.of("sample_size", 100L), 1024,
                "FILE:2500: malformed JSON: Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    @Test
    void badOptions() {
        String file = write(directory, "o.json", "{}\n");
        assertThatThrownBy(() -> JsonLinesSource.of(file, Map.of("formatt", "array")))
                .hasMessage("read_json: unknown option 'formatt'; known options: auto_detect, columns, format, records, sample_size");
        assertThatThrownBy(() -> JsonLinesSource.of(file, Map.of("format", "csv")))
                .hasMessage("read_json: option 'format' must be 'auto', 'newline_delimited', 'array' or 'unstructured'");
        assertThatThrownBy(() -> JsonLinesSource.of(file, Map.of("auto_detect", false)))
                .hasMessage("read_json: auto_detect = false needs the columns option, e.g. columns = {'a': 'BIGINT'}");
    }
}
