package dev.spillway.io;

import dev.spillway.errors.SpillwayException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands a path that may contain glob characters ({@code * ? [ ] { }} and {@code **}) into sorted files. */
public final class FileGlobs {
    private FileGlobs() {}

    public static boolean isGlob(String path) {
        return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /**
     * The matching regular files in lexical order; an error naming the pattern when there are none.
     * {@code file://} prefixes are accepted.
     */
    public static List<Path> expand(String pattern) {
        String path = pattern.startsWith("file://") ? pattern.substring("file://".length()) : pattern;
        if (!isGlob(path)) {
            Path file = Path.of(path);
            if (Files.isDirectory(file)) {
                throw SpillwayException.userError("%s is a directory; use a glob such as '%s/*.parquet'", pattern, path);
            }
            if (!Files.isRegularFile(file)) {
                throw new SpillwayException(dev.spillway.errors.ErrorKind.IO, "file not found: " + pattern);
            }
            return List.of(file);
        }
        // The directory part before the first glob character is walked; the rest is matched.
        int firstGlob = firstGlobIndex(path);
        int slash = path.lastIndexOf('/', firstGlob);
        Path root = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : path.substring(0, slash));
        String relativePattern = slash < 0 ? path : path.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relativePattern);
        boolean recursive = relativePattern.contains("**") || relativePattern.contains("/");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = recursive ? Files.walk(root) : Files.list(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> matcher.matches(root.relativize(p)))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (files.isEmpty()) {
            throw new SpillwayException(dev.spillway.errors.ErrorKind.IO, "no files match " + pattern);
        }
        return files;
    }

    private static int firstGlobIndex(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return path.length();
    }
}
