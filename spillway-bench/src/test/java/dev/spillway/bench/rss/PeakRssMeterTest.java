package dev.spillway.bench.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Runs against this process's real /proc (Linux only): the meters must see a 128 MiB spike, and forget it on reset. */
class PeakRssMeterTest {
    private static final long SPIKE = 128L << 20;

    @Test
    void theHighWaterMarkCanBeResetOnThisMachine() {
        assumeTrue(Files.isReadable(ProcStatus.SELF), "needs Linux /proc");
        assertThat(HighWaterMarkMeter.resetWorks()).as("echo 5 > /proc/self/clear_refs resets VmHWM").isTrue();
        assertThat(PeakRssMeter.forThisProcess()).isInstanceOf(HighWaterMarkMeter.class);
    }

    @Test
    void highWaterMarkSeesASpikeAndForgetsItOnReset() {
        assumeTrue(Files.isReadable(ProcStatus.SELF) && HighWaterMarkMeter.resetWorks(), "needs a resettable VmHWM");
        try (PeakRssMeter meter = new HighWaterMarkMeter()) {
            assertSpikeSeenAndForgotten(meter);
        }
    }

    @Test
    void samplingSeesASpikeThatLastsLongerThanItsPeriod() throws InterruptedException {
        assumeTrue(Files.isReadable(ProcStatus.SELF), "needs Linux /proc");
        try (PeakRssMeter meter = new SamplingRssMeter(ProcStatus.SELF, 1)) {
            meter.reset();
            long before = meter.currentBytes();
            try (Arena arena = Arena.ofConfined()) {
                touch(arena.allocate(SPIKE));
                Thread.sleep(50);
            }
            assertThat(meter.peakBytes()).isGreaterThan(before + SPIKE / 2);
            meter.reset();
            assertThat(meter.peakBytes()).isLessThan(before + SPIKE / 2);
        }
    }

    private static void assertSpikeSeenAndForgotten(PeakRssMeter meter) {
        meter.reset();
        long before = meter.currentBytes();
        try (Arena arena = Arena.ofConfined()) {
            touch(arena.allocate(SPIKE));
        }
        // The block is freed: RSS is back down, but the peak remembers it.
        assertThat(meter.currentBytes()).isLessThan(before + SPIKE / 2);
        assertThat(meter.peakBytes()).isGreaterThan(before + SPIKE / 2);
        meter.reset();
        assertThat(meter.peakBytes()).isLessThan(before + SPIKE / 2);
    }

    private static void touch(MemorySegment block) {
        for (long offset = 0; offset < block.byteSize(); offset += 4096) {
            block.set(ValueLayout.JAVA_BYTE, offset, (byte) 1);
        }
    }
}
