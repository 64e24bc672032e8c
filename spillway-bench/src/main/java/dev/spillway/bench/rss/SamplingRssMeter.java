package dev.spillway.bench.rss;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fallback where the high-water mark cannot be reset: a daemon thread reads VmRSS every few
 * milliseconds and keeps the maximum. Peaks shorter than the period can be missed, and the thread costs a
 * little CPU (one small file read per period), which is why it is only the fallback.
 */
public final class SamplingRssMeter implements PeakRssMeter {
    private final Path statusFile;
    private final long periodMillis;
    private final AtomicLong peak = new AtomicLong(-1);
    private final Thread sampler;
    private volatile boolean running = true;

    SamplingRssMeter(Path statusFile, long periodMillis) {
        this.statusFile = statusFile;
        this.periodMillis = periodMillis;
        this.sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(this::sampleUntilClosed);
    }

    @Override
    public void reset() {
        peak.set(currentBytes());
    }

    @Override
    public long peakBytes() {
        // A last sample so that a run shorter than one period still reports its end state.
        return peak.accumulateAndGet(currentBytes(), Math::max);
    }

    @Override
    public long currentBytes() {
        try {
            return ProcStatus.read(statusFile).residentBytes();
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        }
    }

    @Override
    public String method() {
        return "VmRSS sampled every " + periodMillis + " ms (VmHWM reset not available)";
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private void sampleUntilClosed() {
        while (running) {
            long current = currentBytes();
            peak.accumulateAndGet(current, Math::max);
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
