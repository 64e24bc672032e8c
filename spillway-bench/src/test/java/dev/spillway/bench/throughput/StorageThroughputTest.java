package dev.spillway.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageThroughputTest {
    private static final StorageThroughput MEASURED = new StorageThroughput(Path.of("/tmp"),
            new DiskBandwidth(1L << 30, 2_000_000_000L, 1_000_000_000L, true),
            new SpillThroughput(1L << 30, 256L << 20, 4_000_000_000L, 2_000_000_000L, false));

    @TempDir
    Path directory;

    @Test
    void survivesTheFileBetweenChildAndHarness() throws IOException {
        Path file = directory.resolve("throughput.properties");
        MEASURED.write(file);
        assertThat(StorageThroughput.read(file)).isEqualTo(MEASURED);
    }

    @Test
    void anIncompleteFileIsAnError() throws IOException {
        Path file = directory.resolve("partial.properties");
        Files.writeString(file, "folder=/tmp\ndisk.bytes=12\n");
        assertThatThrownBy(() -> StorageThroughput.read(file)).isInstanceOf(IOException.class).hasMessageContaining("disk.writeNanos");
    }

    @Test
    void describesTheDiskAndTheSpillPathInTheSameUnits() {
        assertThat(MEASURED.describe()).containsExactly(
                "Disk under /tmp, sequential in 8 MiB blocks: wrote 1.0 GiB at 512 MiB/s (to the disk: force() included), "
                        + "read it at 1024 MiB/s after dropping the page cache.",
                "Spillway's spill path (TempStorage, SpillWriter: Arrow IPC compressed with ZSTD, one thread), batches like a sort run "
                        + "of table o: 1.0 GiB of Arrow data became 256.0 MiB on disk (4.0 to 1). Write (force() included): 256 MiB/s of "
                        + "Arrow data, 64 MiB/s on disk. Read back from the page cache (it could not be dropped: that needs root): "
                        + "512 MiB/s of Arrow data, 128 MiB/s on disk.");
    }
}
