package dev.spillway.bench.worker;

import dev.spillway.bench.rss.RunRss;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/** The lines exchanged between the harness and a worker (see the package description). */
public final class WorkerProtocol {
    /** Marks the worker's protocol lines among anything else a library might print. */
    static final String PREFIX = "@@bench ";

    private WorkerProtocol() {}

    /** What the harness asks of a worker. */
    public sealed interface Request {
        String encode();

        /** Run a query once; with a capture file, also write the full answer there. */
        record Run(String sql, Optional<Path> captureFile) implements Request {
            @Override
            public String encode() {
                return "RUN " + captureFile.map(path -> encodeText(path.toString())).orElse("-") + " " + encodeText(sql);
            }
        }

        record Quit() implements Request {
            @Override
            public String encode() {
                return "QUIT";
            }
        }

        static Request parse(String line) {
            String[] parts = line.split(" ");
            return switch (parts[0]) {
                case "RUN" -> {
                    requireParts(line, parts, 3);
                    Optional<Path> capture = parts[1].equals("-") ? Optional.empty() : Optional.of(Path.of(decodeText(parts[1])));
                    yield new Run(decodeText(parts[2]), capture);
                }
                case "QUIT" -> new Quit();
                default -> throw new IllegalArgumentException("unknown request: " + line);
            };
        }
    }

    /** What a worker answers. */
    public sealed interface Message {
        String encode();

        /** The engine is set up; {@code idleRssBytes} is the worker's RSS before any query (-1 if unknown). */
        record Ready(String engineVersion, String rssMethod, long idleRssBytes) implements Message {
            @Override
            public String encode() {
                return PREFIX + "READY " + encodeText(engineVersion) + " " + encodeText(rssMethod) + " " + idleRssBytes;
            }
        }

        /** One run finished. */
        record Done(long nanos, long rows, long checksum, RunRss rss) implements Message {
            @Override
            public String encode() {
                return PREFIX + "DONE " + nanos + " " + rows + " " + checksum + " " + rss.startBytes() + " " + rss.peakBytes();
            }
        }

        /** Setting up or one run failed; the worker is still usable unless it exits. */
        record Failure(String message) implements Message {
            @Override
            public String encode() {
                return PREFIX + "ERROR " + encodeText(message);
            }
        }

        /** The message on a line, or empty if the line is not a protocol line (library output). */
        static Optional<Message> parse(String line) {
            if (!line.startsWith(PREFIX)) {
                return Optional.empty();
            }
            String[] parts = line.substring(PREFIX.length()).split(" ");
            return Optional.of(switch (parts[0]) {
                case "READY" -> {
                    requireParts(line, parts, 4);
                    yield new Ready(decodeText(parts[1]), decodeText(parts[2]), Long.parseLong(parts[3]));
                }
                case "DONE" -> {
                    requireParts(line, parts, 6);
                    yield new Done(Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                            new RunRss(Long.parseLong(parts[4]), Long.parseLong(parts[5])));
                }
                case "ERROR" -> {
                    requireParts(line, parts, 2);
                    yield new Failure(decodeText(parts[1]));
                }
                default -> throw new IllegalArgumentException("unknown message: " + line);
            });
        }
    }

    static String encodeText(String text) {
        // Base64 of the empty string is empty, which would look like a missing field: "=" stands for it.
        return text.isEmpty() ? "=" : Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeText(String field) {
        return field.equals("=") ? "" : new String(Base64.getDecoder().decode(field), StandardCharsets.UTF_8);
    }

    private static void requireParts(String line, String[] parts, int count) {
        if (parts.length != count) {
            throw new IllegalArgumentException("expected " + count + " fields in: " + line);
        }
    }
}
