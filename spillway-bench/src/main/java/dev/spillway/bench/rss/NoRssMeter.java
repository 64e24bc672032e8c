package dev.spillway.bench.rss;

/** Where there is no {@code /proc} (not Linux): peaks are reported as unknown rather than guessed. */
public final class NoRssMeter implements PeakRssMeter {
    NoRssMeter() {}

    @Override
    public void reset() {}

    @Override
    public long peakBytes() {
        return -1;
    }

    @Override
    public long currentBytes() {
        return -1;
    }

    @Override
    public String method() {
        return "not measured (no /proc/self/status)";
    }

    @Override
    public void close() {}
}
