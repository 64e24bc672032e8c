package dev.spillway.io.parquet;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet {@link InputFile} on a local file read through a java.nio {@link FileChannel} (no Hadoop file system). */
final class ChannelInputFile implements InputFile {
    private final Path path;

    ChannelInputFile(Path path) {
        this.path = requireNonNull(path, "path is null");
    }

    @Override
    public long getLength() throws IOException {
        return Files.size(path);
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        return new ChannelStream(FileChannel.open(path, StandardOpenOption.READ));
    }

    @Override
    public String toString() {
        return path.toString();
    }

    /** Positional reads on a channel; the stream position is kept here, not in the channel. */
    private static final class ChannelStream extends SeekableInputStream {
        private final FileChannel channel;
        private long position;

        ChannelStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void seek(long newPosition) {
            position = newPosition;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            return read(ByteBuffer.wrap(bytes, offset, length));
        }

        @Override
        public void readFully(byte[] bytes) throws IOException {
            readFully(ByteBuffer.wrap(bytes));
        }

        @Override
        public void readFully(byte[] bytes, int offset, int length) throws IOException {
            readFully(ByteBuffer.wrap(bytes, offset, length));
        }

        @Override
        public int read(ByteBuffer buffer) throws IOException {
            if (!buffer.hasRemaining()) {
                return 0;
            }
            int read = channel.read(buffer, position);
            if (read > 0) {
                position += read;
            }
            return read;
        }

        @Override
        public void readFully(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                if (read(buffer) < 0) {
                    throw new EOFException("unexpected end of file at byte " + position);
                }
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
