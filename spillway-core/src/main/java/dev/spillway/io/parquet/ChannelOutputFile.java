package dev.spillway.io.parquet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** A Parquet {@link OutputFile} on a new local file written through a java.nio {@link FileChannel}. */
final class ChannelOutputFile implements OutputFile {
    private final Path path;
    private ChannelStream stream;

    ChannelOutputFile(Path path) {
        this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        stream = new ChannelStream(FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        return stream;
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return path.toString();
    }

    /** Flushes the written bytes to disk (before the rename that publishes the file). */
    void sync() throws IOException {
        if (stream != null) {
            stream.sync();
        }
    }

    /** Closes the file if parquet-java has not (after an error). */
    void closeQuietly() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // The file is being deleted.
            }
        }
    }

    private static final class ChannelStream extends PositionOutputStream {
        private final FileChannel channel;
        private final BufferedOutputStream out;
        private long position;
        private boolean closed;

        ChannelStream(FileChannel channel) {
            this.channel = channel;
            this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            position += length;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        void sync() throws IOException {
            if (!closed) {
                out.flush();
                channel.force(true);
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                try {
                    out.flush();
                    // parquet-java closes the stream when it ends the file: sync first so the rename publishes durable bytes.
                    channel.force(true);
                } finally {
                    out.close();
                }
            }
        }
    }
}
