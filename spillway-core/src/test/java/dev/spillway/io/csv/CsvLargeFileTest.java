package dev.spillway.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.data.Batch;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.testing.TestAllocators;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 5 GB file (sparse: real rows, then zeros) opens, plans and yields its first rows at once: sniffing reads only the
 * start of the file and planning only its size, as {@code SELECT * FROM 'big.csv' LIMIT 5} needs.
 */
class CsvLargeFileTest {
    @TempDir
    Path directory;

    @Test
    void firstRowsOfAHugeFileComeWithoutScanningIt() throws Exception {
        Path file = directory.resolve("big.csv");
        StringBuilder start = new StringBuilder("id,name,price\n");
        for (int i = 0; i < 50_000; i++) {
            start.append(i).append(",name").append(i).append(',').append(i * 0.25).append('\n');
        }
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(start.toString().getBytes(StandardCharsets.UTF_8));
            out.setLength(5_000_000_000L);
        }
        BufferAllocator allocator = TestAllocators.newRoot();
        long begin = System.nanoTime();
        var source = dev.spillway.io.csv.CsvSource.of(file.toString());
        List<ScanTask> tasks = source.plan(new ScanSpec(List.of(0, 1, 2), List.of(), 5, 32L << 20));
        try (BatchReader reader = tasks.getFirst().open(new ScanContext(allocator, 5, () -> false)); Batch batch = reader.next()) {
            assertThat(batch.rowCount()).isEqualTo(5);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("5 GB file: sniff, plan (%d tasks) and first batch in %.3f s%n", tasks.size(), seconds);
        assertThat(source.schema().names()).containsExactly("id", "name", "price");
        assertThat(tasks).hasSize(150);
        // Generous for shared machines; a scan of the file would take tens of seconds.
        assertThat(seconds).isLessThan(5.0);
        TestAllocators.closeChecked(allocator);
    }
}
