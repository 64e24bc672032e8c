package dev.spillway.bench.report;

import java.time.Duration;

/** Durations as people read them in reports and messages: {@code 300 ms}, {@code 90 s}, {@code 10 min}. */
public final class Durations {
    private Durations() {}

    public static String format(Duration duration) {
        if (duration.toMillis() < 1000 || duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + " ms";
        }
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
