package dev.spillway.bench.tempfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySizeTest {
    @TempDir
    Path directory;

    @Test
    void sumsRegularFilesAtEveryDepth() throws IOException {
        Files.write(directory.resolve("a"), new byte[1000]);
        Path nested = Files.createDirectories(directory.resolve("spillway-1-1").resolve("deeper"));
        Files.write(nested.resolve("b.arrow"), new byte[234]);
        Files.createDirectories(directory.resolve("empty"));
        assertThat(DirectorySize.bytes(directory)).isEqualTo(1234);
    }

    @Test
    void aFolderThatDoesNotExistYetHoldsNothing() {
        // Engines create their temp folder on the first spill.
        assertThat(DirectorySize.bytes(directory.resolve("not-yet"))).isZero();
    }

    @Test
    void deletingRecursivelyRemovesTheFolderAndToleratesItsAbsence() throws IOException {
        Path folder = Files.createDirectories(directory.resolve("x").resolve("y"));
        Files.writeString(folder.resolve("f"), "data");
        Directories.deleteRecursively(directory.resolve("x"));
        assertThat(directory.resolve("x")).doesNotExist();
        Directories.deleteRecursively(directory.resolve("x"));
    }
}
