package dev.spillway.errors;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type Spillway throws at its boundaries. The message is complete and meant for
 * the user: it names the file, row, column, operator or setting involved where those are known.
 */
public class SpillwayException extends RuntimeException {
    private final ErrorKind kind;

    public SpillwayException(ErrorKind kind, String message) {
        super(message);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public SpillwayException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public ErrorKind kind() {
        return kind;
    }

    public static SpillwayException userError(String format, Object... args) {
        return new SpillwayException(ErrorKind.USER_INPUT, args.length == 0 ? format : String.format(format, args));
    }

    public static SpillwayException ioError(String message, Throwable cause) {
        return new SpillwayException(ErrorKind.IO, message, cause);
    }

    public static SpillwayException internal(String message) {
        return new SpillwayException(ErrorKind.INTERNAL, message);
    }

    /** Wraps any throwable into a SpillwayException, keeping an existing one as is. */
    public static SpillwayException wrap(Throwable t) {
        if (t instanceof SpillwayException e) {
            return e;
        }
        if (t instanceof java.io.UncheckedIOException u) {
            return ioError(u.getCause().getMessage(), u);
        }
        if (t instanceof java.io.IOException io) {
            return ioError(io.getMessage() == null ? io.toString() : io.getMessage(), io);
        }
        if (t instanceof OutOfMemoryError oom) {
            return new SpillwayException(ErrorKind.OUT_OF_MEMORY,
                    "the JVM ran out of heap memory (" + oom.getMessage() + "); raise -Xmx or lower the batch size", oom);
        }
        return new SpillwayException(ErrorKind.INTERNAL, "internal error: " + t, t);
    }
}
