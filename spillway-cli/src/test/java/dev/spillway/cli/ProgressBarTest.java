package dev.spillway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.api.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static Progress progress(long rows, long bytesDone, long bytesPlanned, long memory, long spilled) {
        return new Progress(1, rows, bytesDone, bytesPlanned, 0, 4, memory, spilled);
    }

    @Test
    void drawsTheShareScannedRowsMemoryAndWhatThisStatementSpilled() {
        AtomicReference<Progress> now = new AtomicReference<>(progress(0, 0, 1000, 0, 5L << 20));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ProgressBar bar = ProgressBar.start(now::get, new PrintStream(err, true, StandardCharsets.UTF_8))) {
            String line = bar.line(progress(12_345_678, 450, 1000, 812L << 20, 305L << 20), 3.2);
            assertThat(line).isEqualTo("[#######.........]  45% 12.3M rows · mem 812.0 MiB · spilled 300.0 MiB · 3 s");
            assertThat(line.length()).isLessThan(80);
            assertThat(bar.line(new Progress(1, 950, 0, 0, 0, 0, 1L << 20, 5L << 20), 0.4))
                    .as("no bar when nothing is planned, no spill part when this statement spilled nothing")
                    .isEqualTo("950 rows · mem 1.0 MiB · 0 s");
        }
    }

    @Test
    void staysSilentForShortStatementsAndErasesItsLineWhenClosed() throws Exception {
        AtomicReference<Progress> now = new AtomicReference<>(progress(10, 10, 100, 1L << 20, 0));
        ByteArrayOutputStream quick = new ByteArrayOutputStream();
        ProgressBar.start(now::get, new PrintStream(quick, true, StandardCharsets.UTF_8)).close();
        Thread.sleep(ProgressBar.DELAY_MILLIS + 300);
        assertThat(quick.size()).as("nothing drawn for a statement under a second").isZero();

        ByteArrayOutputStream slow = new ByteArrayOutputStream();
        ProgressBar bar = ProgressBar.start(now::get, new PrintStream(slow, true, StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (slow.size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        bar.close();
        String drawn = slow.toString(StandardCharsets.UTF_8);
        assertThat(drawn).startsWith("\r[##").contains("10 rows");
        assertThat(drawn).as("the last thing written blanks the line and returns to its start").endsWith(" \r");
    }

    @Test
    void compactCounts() {
        assertThat(ProgressBar.compact(950)).isEqualTo("950");
        assertThat(ProgressBar.compact(12_345)).isEqualTo("12.3K");
        assertThat(ProgressBar.compact(123_456_789)).isEqualTo("123M");
        assertThat(ProgressBar.compact(4_500_000_000L)).isEqualTo("4.5B");
    }
}
