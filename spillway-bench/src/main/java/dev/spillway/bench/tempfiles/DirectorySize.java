package dev.spillway.bench.tempfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The total size of the files under a folder, read while an engine is creating and deleting them. A file
 * or folder that disappears between being listed and being looked at counts as gone, not as an error.
 */
public final class DirectorySize {
    private DirectorySize() {}

    /** Bytes of all regular files under {@code directory}, at any depth; 0 if it does not exist. */
    public static long bytes(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        long[] total = {0};
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        total[0] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // deleted while we walked: it no longer takes space
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException e) {
                    return FileVisitResult.CONTINUE; // same: a folder removed half-way through listing it
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + directory, e);
        }
        return total[0];
    }
}
