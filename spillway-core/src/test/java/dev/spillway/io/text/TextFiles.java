package dev.spillway.io.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: writes text files into a test's temporary directory. */
public final class TextFiles {
    private TextFiles() {}

    public static String write(Path directory, String name, String content) {
        return write(directory, name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static String write(Path directory, String name, byte[] content) {
        try {
            Path file = directory.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
