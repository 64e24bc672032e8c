package dev.spillway.io.csv;

import dev.spillway.errors.SpillwayException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Finds where a file's data rows begin: after {@code skip} physical lines and, with a header, after the header
 * row (which may hold quoted line breaks). Every reader of a file computes this the same way, so the reader of the
 * first range skips the header and readers of later ranges never mistake it for data.
 */
final class CsvFileStart {
    private static final int FIRST_READ = 64 << 10;

    private CsvFileStart() {}

    /** 3 when the bytes start with a UTF-8 byte order mark (not content), else 0. */
    static int byteOrderMarkLength(byte[] bytes, int length) {
        return length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /** Position after {@code lines} line breaks from {@code from}, or -1 if the bytes end first. */
    static int skipLines(byte[] bytes, int from, int limit, long lines) {
        int position = from;
        for (long skipped = 0; skipped < lines; skipped++) {
            while (position < limit && bytes[position] != '\n' && bytes[position] != '\r') {
                position++;
            }
            if (position >= limit) {
                return -1;
            }
            if (bytes[position] == '\r' && position + 1 < limit && bytes[position + 1] == '\n') {
                position++;
            }
            position++;
        }
        return position;
    }

    /** Byte offset of the first data row of the file. */
    static long dataStart(FileChannel channel, long fileSize, CsvDialect dialect, int maxLineSize, String fileName) {
        int size = (int) Math.min(fileSize, dialect.skipLines() == 0 && !dialect.header() ? 3 : FIRST_READ);
        while (true) {
            byte[] bytes = read(channel, size, fileName);
            boolean endOfInput = size >= fileSize;
            int start = byteOrderMarkLength(bytes, size);
            if (dialect.skipLines() == 0 && !dialect.header()) {
                return start;
            }
            int position = skipLines(bytes, start, size, dialect.skipLines());
            if (position >= 0 && dialect.header() && position < size) {
                CsvTokenizer tokenizer = new CsvTokenizer(dialect);
                int status = tokenizer.next(bytes, position, size, endOfInput);
                if (status == CsvTokenizer.UNTERMINATED_QUOTE || status == CsvTokenizer.TEXT_AFTER_QUOTE) {
                    throw SpillwayException.userError("%s:%d: the header row is malformed (%s)", fileName, dialect.skipLines() + 1,
                            status == CsvTokenizer.UNTERMINATED_QUOTE ? "unterminated quoted field" : "text after a closing quote");
                }
                position = status == CsvTokenizer.ROW ? tokenizer.rowEnd() : -1;
            }
            if (position >= 0) {
                return position;
            }
            if (endOfInput) {
                return fileSize;
            }
            if (size >= maxLineSize + (long) FIRST_READ) {
                throw SpillwayException.userError("%s: the header is longer than max_line_size (%d bytes); raise max_line_size",
                        fileName, maxLineSize);
            }
            size = (int) Math.min(fileSize, (long) size * 4);
        }
    }

    private static byte[] read(FileChannel channel, int size, String fileName) {
        byte[] bytes = new byte[size];
        int length = 0;
        try {
            while (length < size) {
                int read = channel.read(ByteBuffer.wrap(bytes, length, size - length), length);
                if (read <= 0) {
                    throw SpillwayException.ioError(fileName + ": the file became shorter while being read", null);
                }
                length += read;
            }
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot read " + fileName + ": " + e.getMessage(), e);
        }
        return bytes;
    }
}
