package dev.spillway.cli;

/** Bad command line or environment (exit code 2); the message is the one line shown after {@code Error: }. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
