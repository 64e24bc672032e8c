package dev.spillway.io.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * An input stream over a file channel from a given offset, with positional reads (the channel's own position is
 * never used, so several streams may share a channel). It does not close the channel; its owner does.
 */
public final class ChannelInputStream extends InputStream {
    private final FileChannel channel;
    private long position;

    public ChannelInputStream(FileChannel channel, long start) {
        this.channel = channel;
        this.position = start;
    }

    /** The file offset of the next byte this stream will return. */
    public long position() {
        return position;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int read = channel.read(ByteBuffer.wrap(bytes, offset, length), position);
        if (read > 0) {
            position += read;
        }
        return read;
    }

    @Override
    public void close() {
        // the channel belongs to the reader that created this stream
    }
}
