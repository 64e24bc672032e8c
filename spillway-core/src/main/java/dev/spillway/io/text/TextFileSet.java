package dev.spillway.io.text;

import static java.util.Objects.requireNonNull;

import dev.spillway.errors.SpillwayException;
import dev.spillway.io.FileGlobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files a text source reads (a path or an expanded glob) with their sizes, taken once at planning time. */
public record TextFileSet(String pattern, List<Path> files, List<Long> sizes) {
    public TextFileSet {
        requireNonNull(pattern, "pattern is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        sizes = List.copyOf(requireNonNull(sizes, "sizes is null"));
        if (files.isEmpty() || files.size() != sizes.size()) {
            throw new IllegalArgumentException("need one size per file and at least one file");
        }
    }

    /** Expands {@code pattern} (a path or glob) and stats each file; errors name the pattern or the file. */
    public static TextFileSet expand(String pattern) {
        List<Path> files = FileGlobs.expand(pattern);
        List<Long> sizes = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                sizes.add(Files.size(file));
            } catch (IOException e) {
                throw SpillwayException.ioError("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return new TextFileSet(pattern, files, sizes);
    }

    public Path first() {
        return files.getFirst();
    }

    public long totalBytes() {
        long total = 0;
        for (long size : sizes) {
            total += size;
        }
        return total;
    }

    /** {@code data.csv} or {@code data/*.csv (3 files)}. */
    public String describe() {
        return files.size() == 1 && !FileGlobs.isGlob(pattern) ? pattern : pattern + " (" + files.size() + " files)";
    }
}
