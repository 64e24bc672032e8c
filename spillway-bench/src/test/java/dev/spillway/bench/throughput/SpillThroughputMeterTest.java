package dev.spillway.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.data.Batch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillThroughputMeterTest {
    @TempDir
    Path directory;

    @Test
    void spillsAtLeastTheAskedArrowBytesReadsThemAllBackAndDeletesTheFile() throws IOException {
        long asked = 8L << 20;
        SpillThroughput measured = SpillThroughputMeter.measure(directory, asked, false);
        assertThat(measured.arrowBytes()).isGreaterThanOrEqualTo(asked);
        // Real columns compress, but not to nothing: a ratio like that of actual spill data.
        assertThat(measured.diskBytes()).isPositive().isLessThan(measured.arrowBytes());
        assertThat(measured.compressionRatio()).isGreaterThan(1.0);
        assertThat(measured.readFromDisk()).isFalse();
        assertThat(measured.writeNanos()).isPositive();
        assertThat(measured.readNanos()).isPositive();
        try (Stream<Path> left = Files.walk(directory)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void theBatchesFollowTableOsFormulasForScatteredRows() {
        try (BufferAllocator allocator = new RootAllocator()) {
            List<Batch> batches = SortRunBatches.create(2, allocator);
            try {
                Batch first = batches.getFirst();
                assertThat(first.rowCount()).isEqualTo(SortRunBatches.ROWS_PER_BATCH);
                long id = ((org.apache.arrow.vector.BigIntVector) first.column(0)).get(1);
                assertThat(((org.apache.arrow.vector.BigIntVector) first.column(1)).get(1)).isEqualTo((id * 2654435761L) % 1000000007L);
                assertThat(((org.apache.arrow.vector.Float8Vector) first.column(2)).get(1)).isEqualTo(id * 0.5);
                assertThat(new String(((org.apache.arrow.vector.VarCharVector) first.column(3)).get(1)))
                        .isEqualTo("row-" + (id * 7919) % 100000007 + "-some-padding-text");
                // Neighbouring rows are far apart, as in a run sorted by k.
                long next = ((org.apache.arrow.vector.BigIntVector) first.column(0)).get(2);
                assertThat(Math.abs(next - id)).isGreaterThan(1000);
                assertThat(SortRunBatches.arrowBytes(first)).isBetween(50L * first.rowCount(), 80L * first.rowCount());
            } finally {
                batches.forEach(Batch::close);
            }
        }
    }
}
