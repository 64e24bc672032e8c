package dev.spillway.sql.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources}: the test compares with the file, or rewrites it when run
 * with {@code -Dspillway.updateGolden=true} (then review the diff before committing).
 */
public final class Golden {
    private static final Path ROOT = Path.of("src/test/resources");

    private Golden() {}

    public static void assertMatches(String resource, String actual) {
        Path file = ROOT.resolve(resource);
        try {
            if (Boolean.getBoolean("spillway.updateGolden")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                return;
            }
            assertThat(file).as("golden file %s is missing (create it with -Dspillway.updateGolden=true)", resource).exists();
            assertThat(actual).as("golden file %s (regenerate with -Dspillway.updateGolden=true)", resource).isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String resource) {
        try {
            return Files.readString(ROOT.resolve(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
