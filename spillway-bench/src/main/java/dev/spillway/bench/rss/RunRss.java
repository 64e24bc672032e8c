package dev.spillway.bench.rss;

/**
 * The resident memory of a worker around one run: when the run started and at its peak, in bytes, each -1
 * if unknown. Both are reported because a process does not always give memory back: a peak right after a
 * query that grew the process says more about that query than about this one, and the start tells which.
 */
public record RunRss(long startBytes, long peakBytes) {
    public static final RunRss UNKNOWN = new RunRss(-1, -1);

    public boolean known() {
        return peakBytes >= 0;
    }
}
