package dev.spillway.bench.rss;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Measures the peak RSS of this process between {@link #reset} and {@link #peakBytes}. Use
 * {@link #forThisProcess} to get the most precise meter that works here.
 */
public sealed interface PeakRssMeter extends AutoCloseable permits HighWaterMarkMeter, SamplingRssMeter, NoRssMeter {
    /** Starts a new measurement from the current RSS. */
    void reset();

    /** The peak RSS since the last reset, in bytes, or -1 if unknown. */
    long peakBytes();

    /** The current RSS in bytes, or -1 if unknown. */
    long currentBytes();

    /** How peaks are measured, for the report. */
    String method();

    @Override
    void close();

    static PeakRssMeter forThisProcess() {
        if (!Files.isReadable(ProcStatus.SELF)) {
            return new NoRssMeter();
        }
        if (HighWaterMarkMeter.resetWorks()) {
            return new HighWaterMarkMeter();
        }
        try {
            ProcStatus.read(ProcStatus.SELF);
            return new SamplingRssMeter(ProcStatus.SELF, 5);
        } catch (IOException | IllegalArgumentException e) {
            return new NoRssMeter();
        }
    }
}
