package dev.spillway.io.parquet;

import org.apache.arrow.memory.ArrowBuf;

/**
 * Copies byte strings between Arrow buffers. Most Parquet strings are short, and a general memory copy
 * costs more in call overhead than in moving bytes; strings of up to {@value #PADDING} bytes are
 * copied as four 8-byte words instead. That reads and writes up to {@value #PADDING} bytes past the string, so every source
 * buffer of the reader has {@value #PADDING} readable bytes after its data, and text outputs reserve
 * {@value #PADDING} bytes past what they need (bytes after the last value are garbage, as Arrow allows).
 */
final class ShortCopy {
    /** Slack every decoder input buffer has after its last byte, and every text output keeps free. */
    static final int PADDING = 32;

    private ShortCopy() {}

    static void copy(ArrowBuf source, long sourceIndex, ArrowBuf target, long targetIndex, int length) {
        if (length <= PADDING) {
            // Always four words: no loop and no data-dependent branch for the common lengths.
            target.setLong(targetIndex, source.getLong(sourceIndex));
            target.setLong(targetIndex + 8, source.getLong(sourceIndex + 8));
            target.setLong(targetIndex + 16, source.getLong(sourceIndex + 16));
            target.setLong(targetIndex + 24, source.getLong(sourceIndex + 24));
        } else {
            target.setBytes(targetIndex, source, sourceIndex, length);
        }
    }
}
