package dev.spillway.io.text;

import dev.spillway.errors.SpillwayException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Finds line starts in a file, for formats where every line start is a record start (JSON Lines). */
public final class LineStarts {
    private static final int CHUNK = 64 << 10;

    private LineStarts() {}

    /**
     * The first line start at or after {@code offset}: 0 for 0, otherwise the position after the first {@code \n}
     * at or after {@code offset - 1}, or the file size if there is none. Readers of adjacent ranges call this with
     * the same offset and so agree on the boundary between them.
     */
    public static long atOrAfter(FileChannel channel, long offset, long fileSize, String fileName) {
        if (offset <= 0) {
            return 0;
        }
        byte[] chunk = new byte[CHUNK];
        long position = offset - 1;
        try {
            while (position < fileSize) {
                int read = channel.read(ByteBuffer.wrap(chunk, 0, (int) Math.min(CHUNK, fileSize - position)), position);
                if (read <= 0) {
                    break;
                }
                for (int i = 0; i < read; i++) {
                    if (chunk[i] == '\n') {
                        return position + i + 1;
                    }
                }
                position += read;
            }
        } catch (IOException e) {
            throw SpillwayException.ioError("cannot read " + fileName + ": " + e.getMessage(), e);
        }
        return fileSize;
    }
}
