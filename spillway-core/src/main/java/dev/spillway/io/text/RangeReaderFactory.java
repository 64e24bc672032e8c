package dev.spillway.io.text;

import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;

/** Opens a reader of one byte range; each text format supplies one. */
@FunctionalInterface
public interface RangeReaderFactory {
    BatchReader open(FileRange range, ScanContext context);
}
