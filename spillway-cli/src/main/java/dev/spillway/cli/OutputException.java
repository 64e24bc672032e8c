package dev.spillway.cli;

import java.io.IOException;

/**
 * Writing to stdout failed. It ends the whole run (further output would fail too); a closed pipe
 * ({@code spillway ... | head}) ends it quietly, since the reader has all it wanted.
 */
final class OutputException extends RuntimeException {
    OutputException(IOException cause) {
        super("cannot write the output: " + cause.getMessage(), cause);
    }

    boolean isBrokenPipe() {
        String message = getCause().getMessage();
        return message != null && (message.contains("Broken pipe") || message.contains("Stream closed"));
    }
}
