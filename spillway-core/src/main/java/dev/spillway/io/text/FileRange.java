package dev.spillway.io.text;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A byte range {@code [start, end)} of one file. A reader of a range produces the records that <em>start</em>
 * inside it (after moving {@code start} forward to the next record start), and reads past {@code end} to
 * finish the last one.
 */
public record FileRange(Path path, long start, long end, long fileSize) {
    public FileRange {
        requireNonNull(path, "path is null");
        if (start < 0 || end < start || end > fileSize) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ") of a file of " + fileSize + " bytes");
        }
    }

    public long length() {
        return end - start;
    }

    public boolean isWholeFile() {
        return start == 0 && end == fileSize;
    }

    /** {@code data.csv} or {@code data.csv bytes 0-33554432}. */
    public String describe() {
        return isWholeFile() ? path.toString() : path + " bytes " + start + "-" + end;
    }
}
