package dev.spillway.bench.tempfiles;

/**
 * The bytes of temporary files (spill files) in an engine's {@code temp_directory} during one run: when the
 * run started and at the largest sample, each -1 if unknown. The start is kept for the same reason as
 * {@link dev.spillway.bench.rss.RunRss}'s: files an earlier query left behind are not this query's.
 */
public record RunTempSpace(long startBytes, long peakBytes) {
    public static final RunTempSpace UNKNOWN = new RunTempSpace(-1, -1);

    public boolean known() {
        return peakBytes >= 0;
    }
}
