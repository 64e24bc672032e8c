package dev.spillway.io.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Counts line breaks ({@code \n}, {@code \r\n}, or a lone {@code \r}) before a byte offset. Readers that
 * start in the middle of a file call this only when they report an error, so the common path never pays
 * for a scan of the file's beginning.
 */
public final class LineCounter {
    private static final int CHUNK = 1 << 20;

    private LineCounter() {}

    /** Line breaks in {@code [0, offset)} of the file; a best effort (0) if the file cannot be read. */
    public static long lineBreaksBefore(FileChannel channel, long offset) {
        long breaks = 0;
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(1, offset))];
        boolean previousWasCarriageReturn = false;
        long position = 0;
        try {
            while (position < offset) {
                int length = (int) Math.min(chunk.length, offset - position);
                int read = channel.read(ByteBuffer.wrap(chunk, 0, length), position);
                if (read <= 0) {
                    break;
                }
                for (int i = 0; i < read; i++) {
                    byte b = chunk[i];
                    if (b == '\n') {
                        if (!previousWasCarriageReturn) {
                            breaks++;
                        }
                        previousWasCarriageReturn = false;
                    } else if (b == '\r') {
                        breaks++;
                        previousWasCarriageReturn = true;
                    } else {
                        previousWasCarriageReturn = false;
                    }
                }
                position += read;
            }
        } catch (IOException e) {
            return 0;
        }
        return breaks;
    }
}
