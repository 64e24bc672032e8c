package dev.spillway.io.csv;

import static dev.spillway.io.text.TextFiles.write;
import static java.util.Arrays.asList;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.io.text.ScanResults;
import dev.spillway.testing.TestAllocators;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What rows a CSV file reads as: quoting, line ends, NULLs, unicode, long fields, projections, batches, globs. */
class CsvReaderTest {
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

    private List<List<Object>> read(String content) {
        return read(content, Map.of());
    }

    private List<List<Object>> read(String content, Map<String, ?> options) {
        return ScanResults.readAll(dev.spillway.io.csv.CsvSource.of(write(directory, "data.csv", content), options), allocator);
    }

    @Test
    void readsTypedValues() {
        assertThat(read("id,price,name,day,flag,ts\n1,2.5,x,2020-01-05,true,2021-03-04 05:06:07.5\n-2,1e3,,2020-12-31,false,\n"))
                .containsExactly(
                        asList(1L, 2.5, "x", LocalDate.of(2020, 1, 5), true, LocalDateTime.of(2021, 3, 4, 5, 6, 7, 500_000_000)),
                        asList(-2L, 1000.0, null, LocalDate.of(2020, 12, 31), false, null));
    }

    @Test
    void quotedFieldsHoldDelimitersQuotesAndLineBreaks() {
        assertThat(read("a,b\n1,\"x,y\"\n2,\"he said \"\"hi\"\"\"\n3,\"two\nlines\"\n4,\"\"\"\"\n"))
                .containsExactly(asList(1L, "x,y"), asList(2L, "he said \"hi\""), asList(3L, "two\nlines"), asList(4L, "\""));
    }

    @Test
    void escapeCharacterOtherThanTheQuote() {
        assertThat(read("a,b\n1,\"x\\\"y\"\n2,\"back\\\\slash\"\n", Map.of("escape", "\\")))
                .containsExactly(asList(1L, "x\"y"), asList(2L, "back\\slash"));
    }

    @Test
    void quoteInsideAnUnquotedFieldIsData() {
        assertThat(read("a,b\n1,x\"y\n2,z\n")).containsExactly(asList(1L, "x\"y"), asList(2L, "z"));
    }

    @Test
    void lineEndsCrLfAndLoneCr() {
        assertThat(read("a,b\r\n1,2\r\n3,4\r\n")).containsExactly(asList(1L, 2L), asList(3L, 4L));
        assertThat(read("a,b\r1,2\r3,4\r")).containsExactly(asList(1L, 2L), asList(3L, 4L));
        assertThat(read("a,b\r\n1,\"x\r\ny\"\r\n")).containsExactly(asList(1L, "x\r\ny"));
    }

    @Test
    void lastRowWithoutLineBreak() {
        assertThat(read("a,b\n1,2\n3,4")).containsExactly(asList(1L, 2L), asList(3L, 4L));
    }

    @Test
    void emptyLinesAreSkippedExceptInOneColumnFiles() {
        assertThat(read("a,b\n1,2\n\n3,4\n\n\n")).containsExactly(asList(1L, 2L), asList(3L, 4L));
        assertThat(read("a\n1\n\n3\n\n")).containsExactly(asList(1L), asList((Object) null), asList(3L), asList((Object) null));
    }

    @Test
    void emptyAndHeaderOnlyFilesHaveNoRows() {
        assertThat(read("")).isEmpty();
        assertThat(read("a,b,c\n")).isEmpty();
        assertThat(read("a,b,c")).isEmpty();
    }

    @Test
    void emptyFieldsAreNullQuotedOrNot() {
        assertThat(read("a,b,c\n1,,\"\"\n,x,y\n")).containsExactly(asList(1L, null, null), asList(null, "x", "y"));
    }

    @Test
    void nullStringOption() {
        // With another null string, empty text is an empty string, and an empty number is still NULL.
        assertThat(read("a,b,c\n1,NA,\n,\"NA\",x\n", Map.of("nullstr", "NA", "types", List.of("BIGINT", "VARCHAR", "VARCHAR"))))
                .containsExactly(asList(1L, null, ""), asList(null, null, "x"));
        assertThat(read("a,b\n1,N/A\n-,2\n", Map.of("nullstr", List.of("N/A", "-"), "types", List.of("BIGINT", "BIGINT"))))
                .containsExactly(asList(1L, null), asList(null, 2L));
    }

    @Test
    void unicodeValuesAndNames() {
        assertThat(read("名前,città\n日本語,Zürich 🚀\n\"naïve, «quoted»\",ok\n"))
                .containsExactly(asList("日本語", "Zürich 🚀"), asList("naïve, «quoted»", "ok"));
        var source = dev.spillway.io.csv.CsvSource.of(write(directory, "u.csv", "名前,città\n日本語,x\n"));
        assertThat(source.schema().names()).containsExactly("名前", "città");
    }

    @Test
    void veryLongFields() {
        String longText = "x".repeat(1_500_000);
        String quoted = "y,\n\"".repeat(300_000).replace("\"", "\"\"");
        List<List<Object>> rows = read("a,b\n1," + longText + "\n2,\"" + quoted + "\"\n3,z\n");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get(1)).isEqualTo(longText);
        assertThat(rows.get(1).get(1)).isEqualTo("y,\n\"".repeat(300_000));
        assertThat(rows.get(2)).containsExactly(3L, "z");
    }

    @Test
    void explicitTypesAreParsedLeniently() {
        // What DuckDB's casts accept although its sniffer would not infer the type: '+', leading zeros, y/n, 1/0.
        assertThat(read("a,b,c,d,e\n+4,007,y,1,2020-01-05\n-0, 8 ,N,0,2020-01-05 10:00\n",
                Map.of("types", List.of("BIGINT", "INTEGER", "BOOLEAN", "BOOLEAN", "TIMESTAMP"))))
                .containsExactly(asList(4L, 7, true, true, LocalDateTime.of(2020, 1, 5, 0, 0)),
                        asList(0L, 8, false, false, LocalDateTime.of(2020, 1, 5, 10, 0)));
        assertThat(read("a\n1.005\n-2\n", Map.of("types", List.of("DECIMAL(10,2)"))))
                .containsExactly(asList(new java.math.BigDecimal("1.01")), asList(new java.math.BigDecimal("-2.00")));
        assertThat(read("a\ninf\n-Infinity\nNaN\n", Map.of("types", List.of("DOUBLE"))))
                .containsExactly(asList(Double.POSITIVE_INFINITY), asList(Double.NEGATIVE_INFINITY), asList(Double.NaN));
    }

    @Test
    void timestampsWithZonesAreUtc() {
        assertThat(read("t\n2020-01-05 10:00:00+02\n2020-01-05T10:00:00.1234567Z\n2020-01-05 10:00:00-01:30\n"))
                .containsExactly(asList(LocalDateTime.of(2020, 1, 5, 8, 0)), asList(LocalDateTime.of(2020, 1, 5, 10, 0, 0, 123_456_000)),
                        asList(LocalDateTime.of(2020, 1, 5, 11, 30)));
    }

    @Test
    void hugeIntegersBecomeDecimals() {
        assertThat(read("a\n99999999999999999999\n-5\n"))
                .containsExactly(asList(new java.math.BigDecimal("99999999999999999999")), asList(new java.math.BigDecimal("-5")));
    }

    @Test
    void projectionsReadOnlySomeColumnsInAnyOrder() {
        var source = dev.spillway.io.csv.CsvSource.of(write(directory, "p.csv", "a,b,c\n1,x,2.5\n2,y,3.5\n"));
        assertThat(ScanResults.read(source, List.of(2, 0), allocator, 1 << 20, 10)).containsExactly(asList(2.5, 1L), asList(3.5, 2L));
        assertThat(ScanResults.read(source, List.of(), allocator, 1 << 20, 10)).containsExactly(asList(), asList());
    }

    @Test
    void smallBatches() {
        StringBuilder content = new StringBuilder("a,b\n");
        for (int i = 0; i < 1000; i++) {
            content.append(i).append(",v").append(i % 7 == 0 ? "" : i).append('\n');
        }
        var source = dev.spillway.io.csv.CsvSource.of(write(directory, "b.csv", content.toString()));
        List<List<Object>> rows = ScanResults.readAll(source, allocator, 1 << 20, 7);
        assertThat(rows).hasSize(1000);
        assertThat(rows.get(999)).containsExactly(999L, "v999");
        assertThat(rows.get(7)).containsExactly(7L, "v");
    }

    @Test
    void globReadsEveryFileWithItsHeader() {
        write(directory, "parts/p1.csv", "a,b\n1,x\n");
        write(directory, "parts/p2.csv", "a,b\n2,y\n3,z\n");
        write(directory, "parts/p3.csv", "a,b\n");
        var source = dev.spillway.io.csv.CsvSource.of(directory.resolve("parts/*.csv").toString());
        assertThat(source.describe()).endsWith("parts/*.csv (3 files) (delim ',' quote '\"' header)");
        assertThat(ScanResults.readAll(source, allocator)).containsExactly(asList(1L, "x"), asList(2L, "y"), asList(3L, "z"));
        assertThat(source.plan(new dev.spillway.io.ScanSpec(List.of(0), List.of(), 100, 1 << 20))).hasSize(1);
    }

    @Test
    void estimatesFromTheSample() {
        var source = dev.spillway.io.csv.CsvSource.of(write(directory, "e.csv", "a,b\n" + "1,2\n".repeat(100)));
        assertThat(source.estimatedBytes()).isEqualTo(404);
        assertThat(source.estimatedRows()).isBetween(100L, 102L);
    }
}
