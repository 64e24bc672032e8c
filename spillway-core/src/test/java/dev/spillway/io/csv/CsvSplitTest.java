package dev.spillway.io.csv;

import static dev.spillway.io.text.TextFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.errors.SpillwayException;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.text.ScanResults;
import dev.spillway.testing.TestAllocators;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a file split into many byte-range tasks gives exactly the rows of reading it as one task; where quoted
 * line breaks fool the split heuristic, the result is an error, never wrong rows.
 */
class CsvSplitTest {
    private static final long WHOLE_FILE = Long.MAX_VALUE / 2;

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

    @Test
    void splitsReadTheSameRowsAsOneTask() {
        for (long seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            String file = write(directory, "random" + seed + ".csv", new RandomCsv(seed, false).file(200 + random.nextInt(1500)));
            var source = dev.spillway.io.csv.CsvSource.of(file);
            List<List<Object>> expected = ScanResults.readAll(source, allocator, WHOLE_FILE, 1 + random.nextInt(500));
            long taskBytes = Math.min(1024 + random.nextInt(8192), source.estimatedBytes() / 4);
            assertThat(source.plan(new ScanSpec(List.of(0), List.of(), 100, taskBytes)).size()).as("seed %d", seed).isGreaterThan(3);
            assertThat(ScanResults.readAll(source, allocator, taskBytes, 1 + random.nextInt(500))).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void splitsWithQuotedLineBreaksAreExactOrAnError() {
        int exact = 0;
        for (long seed = 100; seed < 140; seed++) {
            Random random = new Random(seed);
            String file = write(directory, "random" + seed + ".csv", new RandomCsv(seed, true).file(200 + random.nextInt(1500)));
            var source = dev.spillway.io.csv.CsvSource.of(file);
            List<List<Object>> expected = ScanResults.readAll(source, allocator, WHOLE_FILE, 256);
            assertThat(expected.stream().anyMatch(row -> String.valueOf(row.get(5)).contains("\n"))).isTrue();
            long taskBytes = Math.min(1024 + random.nextInt(8192), source.estimatedBytes() / 4);
            try {
                assertThat(ScanResults.readAll(source, allocator, taskBytes, 256)).as("seed %d", seed).isEqualTo(expected);
                exact++;
            } catch (SpillwayException e) {
                assertThat(e.getMessage()).contains("cannot split the file for parallel reading near byte");
            }
        }
        System.out.println("exact splits with quoted line breaks: " + exact + " of 40");
        // The heuristic should rarely give up on ordinary data.
        assertThat(exact).isGreaterThanOrEqualTo(36);
    }

    @Test
    void quotedTextThatLooksLikeRowsFailsInsteadOfReturningWrongRows() {
        StringBuilder content = new StringBuilder("id,text\n");
        for (int i = 0; i < 50; i++) {
            content.append(i).append(",plain\n");
        }
        // A quoted field whose lines are themselves valid rows: no local test can tell where rows really start.
        content.append("50,\"");
        for (int i = 0; i < 200; i++) {
            content.append(1000 + i).append(",fake\n");
        }
        content.append("end\"\n");
        for (int i = 51; i < 100; i++) {
            content.append(i).append(",plain\n");
        }
        String file = write(directory, "tricky.csv", content.toString());
        var source = dev.spillway.io.csv.CsvSource.of(file);
        List<List<Object>> rows = ScanResults.readAll(source, allocator, WHOLE_FILE, 64);
        assertThat(rows).hasSize(100);
        assertThatThrownBy(() -> ScanResults.readAll(source, allocator, 1024, 64))
                .isInstanceOf(SpillwayException.class)
                .hasMessageMatching(java.util.regex.Pattern.quote(file)
                        + ": cannot split the file for parallel reading near byte \\d+ \\(a quoted field there seems to contain a line break\\); "
                        + "read it with parallel = false");
        var serial = dev.spillway.io.csv.CsvSource.of(file, Map.of("parallel", false));
        assertThat(serial.plan(new ScanSpec(List.of(0, 1), List.of(), 64, 1024))).hasSize(1);
        assertThat(ScanResults.readAll(serial, allocator, 1024, 64)).isEqualTo(rows);
    }

    @Test
    void tasksSmallerThanTheHeaderOrRows() {
        String header = "c" + "x".repeat(3000) + ",d\n";
        StringBuilder content = new StringBuilder(header);
        for (int i = 0; i < 20; i++) {
            content.append(i).append(',').append("y".repeat(i * 300)).append('\n');
        }
        var source = dev.spillway.io.csv.CsvSource.of(write(directory, "wide.csv", content.toString()), Map.of("header", true));
        List<List<Object>> expected = ScanResults.readAll(source, allocator, WHOLE_FILE, 3);
        assertThat(expected).hasSize(20);
        assertThat(ScanResults.readAll(source, allocator, 1024, 3)).isEqualTo(expected);
    }

    @Test
    void smallFilesAreGroupedAndLargeOnesSplit() {
        for (int i = 0; i < 10; i++) {
            write(directory, "many/small" + i + ".csv", "a,b\n" + i + ",x\n");
        }
        write(directory, "many/z_large.csv", "a,b\n" + "7,yy\n".repeat(2000));
        var source = dev.spillway.io.csv.CsvSource.of(directory.resolve("many/*.csv").toString());
        var tasks = source.plan(new ScanSpec(List.of(0, 1), List.of(), 64, 4096));
        assertThat(tasks.getFirst().describe()).contains("small0.csv and 9 more files");
        assertThat(tasks.size()).isBetween(3, 5);
        assertThat(tasks.get(1).describe()).matches("csv .*z_large.csv bytes 0-\\d+");
        assertThat(ScanResults.readAll(source, allocator, 4096, 64)).hasSize(2010);
    }
}
