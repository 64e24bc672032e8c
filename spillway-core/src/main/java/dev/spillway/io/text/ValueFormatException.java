package dev.spillway.io.text;

/**
 * A text value that does not parse as the requested type. Thrown by the byte parsers and turned by readers
 * into a user error naming file, line and column; it carries no stack trace because it is only ever a
 * message on its way to becoming a {@link dev.spillway.errors.SpillwayException}.
 */
public final class ValueFormatException extends RuntimeException {
    public ValueFormatException(String message) {
        super(message, null, false, false);
    }
}
