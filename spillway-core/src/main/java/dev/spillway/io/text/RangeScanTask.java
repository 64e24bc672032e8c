package dev.spillway.io.text;

import static java.util.Objects.requireNonNull;

import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanTask;
import java.util.List;

/** A scan task over one or more byte ranges of text files, read one after the other by a format's range reader. */
public final class RangeScanTask implements ScanTask {
    private final String format;
    private final List<FileRange> ranges;
    private final RangeReaderFactory readers;

    public RangeScanTask(String format, List<FileRange> ranges, RangeReaderFactory readers) {
        this.format = requireNonNull(format, "format is null");
        this.ranges = List.copyOf(requireNonNull(ranges, "ranges is null"));
        this.readers = requireNonNull(readers, "readers is null");
        if (this.ranges.isEmpty()) {
            throw new IllegalArgumentException("a scan task needs at least one range");
        }
    }

    public List<FileRange> ranges() {
        return ranges;
    }

    @Override
    public String describe() {
        String first = ranges.getFirst().describe();
        return ranges.size() == 1 ? format + " " + first : format + " " + first + " and " + (ranges.size() - 1) + " more files";
    }

    @Override
    public long estimatedBytes() {
        long bytes = 0;
        for (FileRange range : ranges) {
            bytes += range.length();
        }
        return bytes;
    }

    @Override
    public BatchReader open(ScanContext context) {
        requireNonNull(context, "context is null");
        return ranges.size() == 1 ? readers.open(ranges.getFirst(), context) : new ChainedBatchReader(ranges, readers, context);
    }

    @Override
    public String toString() {
        return describe();
    }
}
