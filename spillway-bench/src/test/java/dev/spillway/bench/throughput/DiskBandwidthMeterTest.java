package dev.spillway.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small sizes and no page-cache drop (that would slow the whole machine): the mechanics, not the speed. */
class DiskBandwidthMeterTest {
    @TempDir
    Path directory;

    @Test
    void writesAndReadsTheAskedBytesIncludingAPartialLastBlockAndLeavesNoFile() throws IOException {
        long bytes = 2L * DiskBandwidthMeter.BLOCK_BYTES + 12345;
        DiskBandwidth measured = DiskBandwidthMeter.measure(directory, bytes, false);
        assertThat(measured.bytes()).isEqualTo(bytes);
        assertThat(measured.writeNanos()).isPositive();
        assertThat(measured.readNanos()).isPositive();
        assertThat(measured.readFromDisk()).isFalse();
        assertThat(measured.writeMiBPerSecond()).isPositive();
        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void nothingToMeasureIsAMistake() {
        assertThatThrownBy(() -> DiskBandwidthMeter.measure(directory, 0, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratesAreMebibytesPerSecond() {
        DiskBandwidth measured = new DiskBandwidth(512L << 20, 2_000_000_000L, 500_000_000L, true);
        assertThat(measured.writeMiBPerSecond()).isEqualTo(256.0);
        assertThat(measured.readMiBPerSecond()).isEqualTo(1024.0);
    }
}
