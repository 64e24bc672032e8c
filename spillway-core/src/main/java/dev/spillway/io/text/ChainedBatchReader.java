package dev.spillway.io.text;

import dev.spillway.data.Batch;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import java.util.List;

/** Reads several ranges in order, opening each range's reader only when the previous one is exhausted. */
final class ChainedBatchReader implements BatchReader {
    private final List<FileRange> ranges;
    private final RangeReaderFactory readers;
    private final ScanContext context;
    private int next;
    private BatchReader current;

    ChainedBatchReader(List<FileRange> ranges, RangeReaderFactory readers, ScanContext context) {
        this.ranges = ranges;
        this.readers = readers;
        this.context = context;
    }

    @Override
    public Batch next() {
        while (true) {
            if (current == null) {
                if (next >= ranges.size()) {
                    return null;
                }
                current = readers.open(ranges.get(next++), context);
            }
            Batch batch = current.next();
            if (batch != null) {
                return batch;
            }
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
        next = ranges.size();
    }
}
