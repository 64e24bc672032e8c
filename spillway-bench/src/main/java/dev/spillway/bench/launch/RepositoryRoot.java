package dev.spillway.bench.launch;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/** Finds the Spillway checkout a benchmark runs from: where reports go and whose commit is measured. */
public final class RepositoryRoot {
    private RepositoryRoot() {}

    /** The checkout holding this class's jar or classes folder (e.g. {@code spillway-bench/target/...}). */
    public static Optional<Path> ofRunningCode() {
        try {
            CodeSource source = RepositoryRoot.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : above(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The nearest folder at or above {@code start} that is a Spillway checkout (it has spillway-bench/pom.xml). */
    public static Optional<Path> above(Path start) {
        for (Path folder = start.toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("spillway-bench").resolve("pom.xml"))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }
}
