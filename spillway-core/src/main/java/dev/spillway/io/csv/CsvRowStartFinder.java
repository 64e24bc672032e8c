package dev.spillway.io.csv;

import dev.spillway.errors.SpillwayException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Finds the first row start at or after a byte offset in the middle of a file, for scan tasks that begin there.
 *
 * <p>Heuristic: a row starts after a line break, but a line break may also sit inside a quoted field, and nothing
 * local tells the two apart for sure. So each line start after the offset is tried in turn: from there
 * {@link #ROWS_TO_CHECK} rows are parsed, and the candidate is taken if every one has the file's number of fields,
 * no quoting error and no quote byte inside an unquoted field (what parsing from the middle of a quoted field
 * usually produces). If no candidate among the next {@link #MAX_CANDIDATES} passes, the first is used.
 *
 * <p>The result is a pure function of the file's bytes and the offset, and the reader of the previous range
 * computes it too: it reads rows until it reaches exactly this position, and if its last row runs past it (the
 * heuristic was fooled by a quoted line break) it fails with an error that suggests {@code parallel = false},
 * rather than returning duplicated or broken rows. A file read as one task never depends on this heuristic.
 */
final class CsvRowStartFinder {
    static final int ROWS_TO_CHECK = 16;
    static final int MAX_CANDIDATES = 64;
    private static final int WINDOW = 64 << 10;
    private static final int CHECK_BYTES = 256 << 10;

    private final FileChannel channel;
    private final long fileSize;
    private final CsvDialect dialect;
    private final String fileName;
    private final CsvTokenizer tokenizer;
    private byte[] window = new byte[0];
    private byte[] check = new byte[0];

    CsvRowStartFinder(FileChannel channel, long fileSize, CsvDialect dialect, String fileName) {
        this.channel = channel;
        this.fileSize = fileSize;
        this.dialect = dialect;
        this.fileName = fileName;
        this.tokenizer = new CsvTokenizer(dialect);
    }

    /** The row start at or after {@code offset} ({@code 0 < offset}), or the file size if there is none. */
    long find(long offset) {
        long first = -1;
        int candidates = 0;
        long position = offset - 1;
        while (position < fileSize && candidates < MAX_CANDIDATES) {
            int length = read(position, Math.min(WINDOW, fileSize - position), true);
            if (length == 0) {
                break;
            }
            for (int i = 0; i < length && candidates < MAX_CANDIDATES; i++) {
                if (window[i] != '\n') {
                    continue;
                }
                long candidate = position + i + 1;
                if (candidate >= fileSize) {
                    return first >= 0 ? first : fileSize;
                }
                if (first < 0) {
                    first = candidate;
                }
                if (plausible(candidate)) {
                    return candidate;
                }
                candidates++;
            }
            position += length;
        }
        return first >= 0 ? first : fileSize;
    }

    private boolean plausible(long candidate) {
        int length = read(candidate, Math.min(CHECK_BYTES, fileSize - candidate), false);
        boolean endOfInput = candidate + length >= fileSize;
        int position = 0;
        int rows = 0;
        while (rows < ROWS_TO_CHECK && position < length) {
            int status = tokenizer.next(check, position, length, endOfInput);
            if (status == CsvTokenizer.NEED_MORE) {
                // The check window ended inside a long row: what was seen was consistent.
                return true;
            }
            if (status != CsvTokenizer.ROW) {
                return false;
            }
            position = tokenizer.rowEnd();
            if (tokenizer.isEmptyLine() && dialect.columnCount() > 1) {
                continue;
            }
            if (tokenizer.fieldCount() != dialect.columnCount() || tokenizer.hasStrayQuote(check)) {
                return false;
            }
            rows++;
        }
        return true;
    }

    private int read(long position, long size, boolean intoWindow) {
        int length = (int) size;
        byte[] target = intoWindow ? window : check;
        if (target.length < length) {
            target = new byte[length];
            if (intoWindow) {
                window = target;
            } else {
                check = target;
            }
        }
        int filled = 0;
        try {
            while (filled < length) {
                int read = channel.read(ByteBuffer.wrap(target, filled, length - filled), position + filled);
                if (read <= 0) {
                    break;
                }
                filled += read;
            }
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot read " + fileName + ": " + e.getMessage(), e);
        }
        return filled;
    }
}
