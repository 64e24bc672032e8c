package dev.spillway.io.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.parquet.format.PageHeader;

/**
 * Streams the pages of one column chunk from the file through a reusable window buffer, so that a reader
 * holds about one compressed page per column rather than whole column chunks (which for 128 MB row
 * groups would be most of the row group, and large enough to bypass Arrow's buffer pool).
 *
 * <p>Each read fetches the page body plus {@value #LOOKAHEAD} bytes, which usually covers the next page's
 * header and, for small pages, several whole pages. The body of the page returned by {@link #next()} stays
 * valid in {@link #buffer()} until the next call.
 */
final class ColumnChunkPages implements AutoCloseable {
    private static final int LOOKAHEAD = 256 << 10;

    private final FileChannel channel;
    private final long end;
    private final BufferAllocator allocator;
    private ArrowBuf window;
    /**
     * A ByteBuffer over the whole window, made once per allocation: Arrow makes each view by reflection, which
     * per page cost time and, inlined into the batch loop, most of that loop's JIT compilation.
     */
    private ByteBuffer windowBytes;
    /** File position of window index 0, and how many bytes of the file the window holds. */
    private long windowStart;
    private long windowLength;
    /** File position of the next page header. */
    private long position;
    private long bodyIndex;

    ColumnChunkPages(FileChannel channel, long start, long length, BufferAllocator allocator) {
        this.channel = channel;
        this.position = start;
        this.end = start + length;
        this.allocator = allocator;
    }

    /** The next page's header, with its body loaded; fails when the chunk has no more pages. */
    PageHeader next() {
        if (position >= end) {
            throw new ParquetDataException("column chunk ends before all of its rows were read");
        }
        PageHeader header = null;
        long headerBytes = Math.min(LOOKAHEAD, end - position);
        while (header == null) {
            load(position, headerBytes);
            ArrowBufInputStream stream = new ArrowBufInputStream(window, position - windowStart, position - windowStart + headerBytes);
            try {
                header = PageHeaders.read(stream);
                bodyIndex = stream.position();
            } catch (IOException | RuntimeException e) {
                if (position + headerBytes >= end) {
                    throw new ParquetDataException("corrupt page header: " + e.getMessage());
                }
                // A header bigger than the guess (large statistics): try again with more bytes.
                headerBytes = Math.min(headerBytes * 4, end - position);
            }
        }
        long bodyStart = windowStart + bodyIndex;
        int compressedSize = header.getCompressed_page_size();
        if (compressedSize < 0 || header.getUncompressed_page_size() < 0 || bodyStart + compressedSize > end) {
            throw new ParquetDataException("page of " + compressedSize + " bytes extends past the end of the column chunk");
        }
        load(bodyStart, compressedSize);
        bodyIndex = bodyStart - windowStart;
        position = bodyStart + compressedSize;
        return header;
    }

    /** The buffer holding the current page's body (with {@link ShortCopy#PADDING} bytes of slack after the data). */
    ArrowBuf buffer() {
        return window;
    }

    /** Bytes {@code [index, index + length)} of {@link #buffer()} as a ByteBuffer (position 0, limit {@code length}). */
    ByteBuffer bytes(long index, int length) {
        return windowBytes.slice(Math.toIntExact(index), length);
    }

    /** Index in {@link #buffer()} where the current page's body starts. */
    long bodyIndex() {
        return bodyIndex;
    }

    /** Makes the window hold file bytes {@code [from, from + length)}. */
    private void load(long from, long length) {
        if (window != null && from >= windowStart && from + length <= windowStart + windowLength) {
            return;
        }
        long readLength = Math.min(Math.max(length + LOOKAHEAD, length), end - from);
        if (readLength > Integer.MAX_VALUE - ShortCopy.PADDING) {
            throw new ParquetDataException("page of " + length + " bytes is too large");
        }
        if (window == null || window.capacity() < readLength + ShortCopy.PADDING) {
            if (window != null) {
                window.close();
                window = null;
            }
            window = allocator.buffer(readLength + ShortCopy.PADDING);
            windowBytes = window.nioBuffer(0, (int) Math.min(window.capacity(), Integer.MAX_VALUE));
        }
        ByteBuffer target = windowBytes.slice(0, (int) readLength);
        try {
            while (target.hasRemaining()) {
                if (channel.read(target, from + target.position()) < 0) {
                    throw new ParquetDataException("file ends inside a column chunk (truncated file?)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        windowStart = from;
        windowLength = readLength;
    }

    @Override
    public void close() {
        if (window != null) {
            window.close();
            window = null;
            windowBytes = null;
        }
    }
}
