package dev.spillway.io.csv;

import static dev.spillway.io.text.TextFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.data.Batch;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.io.text.ScanResults;
import dev.spillway.testing.TestAllocators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed input gives one-line user errors with file, physical line and column, and leaves nothing allocated. */
class CsvErrorTest {
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

    private void assertError(String file, Map<String, ?> options, long taskBytes, String message) {
        var source = dev.spillway.io.csv.CsvSource.of(file, options);
        assertThatThrownBy(() -> ScanResults.readAll(source, allocator, taskBytes, 64))
                .isInstanceOf(SpillwayException.class)
                .hasMessage(message)
                .extracting(e -> ((SpillwayException) e).kind()).isEqualTo(ErrorKind.USER_INPUT);
    }

    private void assertError(String content, Map<String, ?> options, String message) {
        String file = write(directory, "data.csv", content);
        assertError(file, options, 1 << 20, message.replace("FILE", file));
    }

    @Test
    void wrongNumberOfFields() {
        assertError("a,b\n1,2\n3\n", Map.of("delim", ","), "FILE:3: expected 2 columns but found 1");
        assertError("a,b\n1,2\n3,4,5\n", Map.of("delim", ","), "FILE:3: expected 2 columns but found 3");
        // Detection tolerates a rare ragged row, which reading then reports.
        assertError("a,b\n" + "1,2\n".repeat(30) + "3\n", Map.of(), "FILE:32: expected 2 columns but found 1");
    }

    @Test
    void valueOfTheWrongTypeAfterTheSample() {
        assertError("a,b\n1,x\n2,y\nx,z\n", Map.of("sample_size", 2L),
                "FILE:4: column \"a\": cannot convert 'x' to BIGINT (the type was detected from the first rows; "
                        + "set types = {'a': 'VARCHAR'} or a larger sample_size)");
    }

    @Test
    void valueOfTheWrongUserType() {
        assertError("id,price\n1,9.5\n2,abc\n", Map.of("types", Map.of("price", "DOUBLE")),
                "FILE:3: column \"price\": cannot convert 'abc' to DOUBLE");
        assertError("id\n99999999999\n", Map.of("types", List.of("INTEGER")), "FILE:2: column \"id\": cannot convert '99999999999' to INTEGER");
        assertError("d\n2020-02-30\n", Map.of("types", List.of("DATE")), "FILE:2: column \"d\": cannot convert '2020-02-30' to DATE");
        assertError("d\n123.456\n", Map.of("types", List.of("DECIMAL(4,2)")), "FILE:2: column \"d\": cannot convert '123.456' to DECIMAL(4,2)");
    }

    @Test
    void longAndMultiLineValuesAreShownShortOnOneLine() {
        assertError("a,b\n1,\"" + "x".repeat(100) + "\ny\"\n", Map.of("types", List.of("BIGINT", "DATE")),
                "FILE:2: column \"b\": cannot convert '" + "x".repeat(60) + "...' to DATE");
        assertError("a,b\n1,\"x\ny\"\n", Map.of("types", List.of("BIGINT", "DATE")), "FILE:2: column \"b\": cannot convert 'x\\ny' to DATE");
    }

    @Test
    void unterminatedQuote() {
        assertError("a,b\n1,x\n2,\"open\n3,y\n", Map.of("quote", "\"", "delim", ","), "FILE:3: unterminated quoted field");
    }

    @Test
    void textAfterAClosingQuote() {
        assertError("a,b\n1,\"x\"y\n", Map.of("quote", "\"", "delim", ","),
                "FILE:2: column \"b\": unexpected 'y' after a closing quote");
    }

    @Test
    void invalidUtf8() {
        byte[] content = "a,b\n1,ok\n2,bad\u0000\n".getBytes(StandardCharsets.UTF_8);
        content[content.length - 2] = (byte) 0xC3;
        String file = write(directory, "bad.csv", content);
        assertError(file, Map.of(), 1 << 20, file + ":3: column \"b\": invalid UTF-8");
    }

    @Test
    void lineNumbersCountQuotedLineBreaks() {
        assertError("a,b\n1,\"x\ny\"\n2,\"p\r\nq\"\nz,3\n", Map.of("types", List.of("BIGINT", "VARCHAR")),
                "FILE:6: column \"a\": cannot convert 'z' to BIGINT");
    }

    @Test
    void lineNumbersAreRightInTasksThatStartMidFile() {
        for (String lineEnd : List.of("\n", "\r\n")) {
            StringBuilder content = new StringBuilder("id,name" + lineEnd);
            for (int i = 1; i <= 5000; i++) {
                content.append(i == 4321 ? "oops" : Integer.toString(i)).append(",name").append(i).append(lineEnd);
            }
            String file = write(directory, "big.csv", content.toString());
            var source = dev.spillway.io.csv.CsvSource.of(file);
            assertThat(source.plan(new ScanSpec(List.of(0, 1), List.of(), 64, 2048)).size()).isGreaterThan(20);
            assertError(file, Map.of("sample_size", 100L), 2048, file + ":4322: column \"id\": cannot convert 'oops' to BIGINT "
                    + "(the type was detected from the first rows; set types = {'id': 'VARCHAR'} or a larger sample_size)");
        }
    }

    @Test
    void rowLongerThanMaxLineSize() {
        assertError("a,b\n1,2\n3," + "x".repeat(500) + "\n", Map.of("max_line_size", 100L),
                "FILE:3: row is longer than max_line_size (100 bytes); raise max_line_size, or check for an unterminated quote");
    }

    @Test
    void runawayQuoteHitsMaxLineSizeInsteadOfReadingTheWholeFile() {
        StringBuilder content = new StringBuilder("a,b\n1,\"open\n");
        content.append("2,x\n".repeat(300_000));
        assertError(content.toString(), Map.of("quote", "\"", "max_line_size", 10_000L),
                "FILE:2: row is longer than max_line_size (10000 bytes); raise max_line_size, or check for an unterminated quote");
    }

    @Test
    void badOptions() {
        String file = write(directory, "data.csv", "a\n1\n");
        assertThatThrownBy(() -> dev.spillway.io.csv.CsvSource.of(file, Map.of("delimeter", ";")))
                .hasMessage("read_csv: unknown option 'delimeter'; known options: auto_detect, column_names, column_types, columns, "
                        + "delim, delimiter, dtypes, escape, header, max_line_size, names, null, nullstr, parallel, quote, "
                        + "sample_size, sep, skip, types");
        assertThatThrownBy(() -> dev.spillway.io.csv.CsvSource.of(file, Map.of("delim", ";;")))
                .hasMessage("read_csv: option 'delim' must be a single ASCII character other than a line break, got ';;'");
        assertThatThrownBy(() -> dev.spillway.io.csv.CsvSource.of(file, Map.of("skip", "x")))
                .hasMessage("read_csv: option 'skip' must be an integer, got 'x'");
        assertThatThrownBy(() -> dev.spillway.io.csv.CsvSource.of(file, Map.of("header", "maybe")))
                .hasMessage("read_csv: option 'header' must be true or false, got 'maybe'");
        assertThatThrownBy(() -> dev.spillway.io.csv.CsvSource.of(file, Map.of("types", List.of("UUID"))))
                .hasMessage("types: unsupported type 'UUID'; use BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL(p,s), VARCHAR, DATE or TIMESTAMP");
        assertThatThrownBy(() -> dev.spillway.io.csv.CsvSource.of(file, Map.of("sep", ",", "delim", ",")))
                .hasMessageContaining("cannot be combined with");
        assertThatThrownBy(() -> dev.spillway.io.csv.CsvSource.of(file, Map.of("delim", ",", "quote", ",")))
                .hasMessage("read_csv: delim and quote must differ, both are ','");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> dev.spillway.io.csv.CsvSource.of(directory.resolve("nope.csv").toString()))
                .isInstanceOf(SpillwayException.class)
                .hasMessageStartingWith("file not found: ");
        assertThatThrownBy(() -> dev.spillway.io.csv.CsvSource.of(directory.resolve("*.csv").toString()))
                .hasMessageStartingWith("no files match ");
    }

    @Test
    void cancellationBetweenBatchesStopsTheReaderCleanly() {
        String file = write(directory, "data.csv", "a,b\n" + "1,x\n".repeat(10_000));
        var source = dev.spillway.io.csv.CsvSource.of(file);
        ScanTask task = source.plan(new ScanSpec(List.of(0, 1), List.of(), 100, 1 << 20)).getFirst();
        AtomicBoolean cancelled = new AtomicBoolean();
        try (BatchReader reader = task.open(new ScanContext(allocator, 100, cancelled::get))) {
            try (Batch batch = reader.next()) {
                assertThat(batch.rowCount()).isEqualTo(100);
            }
            cancelled.set(true);
            assertThatThrownBy(reader::next).isInstanceOf(SpillwayException.class)
                    .extracting(e -> ((SpillwayException) e).kind()).isEqualTo(ErrorKind.CANCELLED);
        }
    }

    @Test
    void errorMidBatchFreesTheBatch() {
        String file = write(directory, "data.csv", "a,b\n" + "1,x\n".repeat(500) + "z,x\n");
        var source = dev.spillway.io.csv.CsvSource.of(file, Map.of("sample_size", 10L));
        ScanTask task = source.plan(new ScanSpec(List.of(0, 1), List.of(), 10_000, 1 << 20)).getFirst();
        try (BatchReader reader = task.open(new ScanContext(allocator, 10_000, () -> false))) {
            assertThatThrownBy(reader::next).hasMessageStartingWith(file + ":502: column \"a\"");
            assertThat(allocator.getAllocatedMemory()).isZero();
            assertThat(reader.next()).isNull();
        }
    }
}
