package dev.spillway.bench.tempfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sampler's first sample is taken when it starts and its last when it stops, so these tests do not
 * depend on how often the thread in between gets to run.
 */
class TempSpaceSamplerTest {
    @TempDir
    Path directory;

    @Test
    void thePeakStaysAfterTheFilesAreGone() throws IOException {
        Path spill = directory.resolve("run-1.arrow");
        Files.write(spill, new byte[4096]);
        TempSpaceSampler sampler = TempSpaceSampler.start(directory, Duration.ofMillis(5));
        Files.delete(spill);
        RunTempSpace measured = sampler.stop();
        assertThat(measured.startBytes()).isEqualTo(4096);
        assertThat(measured.peakBytes()).isEqualTo(4096);
    }

    @Test
    void filesWrittenDuringTheRunCountAndTheStartIsWhatWasAlreadyThere() throws IOException {
        Files.write(directory.resolve("left-by-an-earlier-query"), new byte[100]);
        TempSpaceSampler run = TempSpaceSampler.start(directory, Duration.ofMillis(5));
        Files.createDirectories(directory.resolve("spillway-7-1"));
        Files.write(directory.resolve("spillway-7-1").resolve("sort-1.arrow"), new byte[5000]);
        RunTempSpace measured = run.stop();
        assertThat(measured.startBytes()).isEqualTo(100);
        assertThat(measured.peakBytes()).isEqualTo(5100);
        assertThat(measured.known()).isTrue();
    }

    @Test
    void aFolderCreatedDuringTheRunIsSeen() throws IOException {
        Path later = directory.resolve("spill-duckdb");
        TempSpaceSampler sampler = TempSpaceSampler.start(later, Duration.ofMillis(5));
        Files.createDirectories(later);
        Files.write(later.resolve("duckdb_temp_storage-0.tmp"), new byte[262144]);
        assertThat(sampler.stop()).isEqualTo(new RunTempSpace(0, 262144));
    }
}
