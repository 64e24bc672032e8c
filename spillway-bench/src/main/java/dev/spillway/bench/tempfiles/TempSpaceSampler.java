package dev.spillway.bench.tempfiles;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the size of an engine's temporary folder during one run from the harness: a thread measures it
 * every period and keeps the largest size seen. Sampling from outside is the one way that works the same
 * for both engines (neither reports its peak spill size itself); spill files that live shorter than one
 * period can be missed, so the period is small next to the runs measured (seconds to minutes).
 */
public final class TempSpaceSampler implements AutoCloseable {
    /** Often enough for runs of seconds; one walk of a folder of a few hundred files costs well under a millisecond. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(100);

    private final Path directory;
    private final long startBytes;
    private final AtomicLong peak;
    private final Thread sampler;
    private volatile boolean running = true;

    private TempSpaceSampler(Path directory, Duration period) {
        this.directory = directory;
        this.startBytes = DirectorySize.bytes(directory);
        this.peak = new AtomicLong(startBytes);
        long periodMillis = Math.max(1, period.toMillis());
        this.sampler = Thread.ofPlatform().daemon().name("temp-space-sampler").start(() -> sampleUntilStopped(periodMillis));
    }

    /** Takes the first sample now (the run's start) and keeps sampling until {@link #stop}. */
    public static TempSpaceSampler start(Path directory, Duration period) {
        requireNonNull(directory, "directory is null");
        requireNonNull(period, "period is null");
        return new TempSpaceSampler(directory, period);
    }

    /** Stops sampling, takes a last sample, and returns the start and the largest size seen. */
    public RunTempSpace stop() {
        close();
        return new RunTempSpace(startBytes, peak.accumulateAndGet(DirectorySize.bytes(directory), Math::max));
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampleUntilStopped(long periodMillis) {
        while (running) {
            try {
                Thread.sleep(periodMillis);
                peak.accumulateAndGet(DirectorySize.bytes(directory), Math::max);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The folder could not be read this time (e.g. its permissions changed); the next sample may work.
            }
        }
    }
}
