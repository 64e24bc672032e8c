package dev.spillway.io.parquet;

import java.io.InputStream;
import org.apache.arrow.memory.ArrowBuf;

/** An input stream over a region of an Arrow buffer, so that parquet-java's thrift code can parse page headers in place. */
final class ArrowBufInputStream extends InputStream {
    private final ArrowBuf buffer;
    private final long end;
    private long position;

    ArrowBufInputStream(ArrowBuf buffer, long start, long end) {
        this.buffer = buffer;
        this.position = start;
        this.end = end;
    }

    long position() {
        return position;
    }

    @Override
    public int read() {
        return position < end ? buffer.getByte(position++) & 0xFF : -1;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int n = (int) Math.min(length, end - position);
        buffer.getBytes(position, bytes, offset, n);
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }
}
