package dev.spillway.io.json;

import static dev.spillway.io.text.TextFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.io.ScanSpec;
import dev.spillway.io.text.ScanResults;
import dev.spillway.testing.TestAllocators;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines files split into many byte-range tasks read exactly the rows of one task. */
class JsonSplitTest {
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
        for (long seed = 0; seed < 30; seed++) {
            Random random = new Random(seed);
            String file = write(directory, "random" + seed + ".json", new RandomJson(seed).file(100 + random.nextInt(1000)));
            var source = JsonLinesSource.of(file);
            assertThat(source.layout().format()).isEqualTo(JsonFormat.NEWLINE_DELIMITED);
            List<List<Object>> expected = ScanResults.readAll(source, allocator, Long.MAX_VALUE / 2, 1 + random.nextInt(300));
            long taskBytes = Math.max(64, Math.min(512 + random.nextInt(4096), source.estimatedBytes() / 4));
            assertThat(source.plan(new ScanSpec(List.of(0), List.of(), 100, taskBytes)).size()).as("seed %d", seed).isGreaterThan(3);
            assertThat(ScanResults.readAll(source, allocator, taskBytes, 1 + random.nextInt(300))).as("seed %d", seed).isEqualTo(expected);
        }
    }
}
