package dev.spillway.bench.launch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the option parsers need from the machine, passed in so tests control it.
 *
 * @param repositoryRoot the Spillway checkout the benchmark runs from, if any: reports go to its
 *                       {@code bench/results}, else to {@code bench/results} under the working directory
 */
public record LaunchDefaults(int cores, Path temporaryDirectory, Path workingDirectory, Optional<Path> repositoryRoot) {
    public static LaunchDefaults ofThisMachine() {
        Path workingDirectory = Path.of("").toAbsolutePath();
        return new LaunchDefaults(Runtime.getRuntime().availableProcessors(), Path.of(System.getProperty("java.io.tmpdir")),
                workingDirectory, RepositoryRoot.ofRunningCode().or(() -> RepositoryRoot.above(workingDirectory)));
    }

    /** {@code bench/results} of the checkout, or of the working directory outside one. */
    public Path resultsDirectory() {
        return repositoryRoot.orElse(workingDirectory).resolve("bench").resolve("results");
    }

    /** {@code <tmp>/spillway-bench/<name>}: where a suite keeps generated data between runs. */
    public Path dataDirectory(String name) {
        return temporaryDirectory.resolve("spillway-bench").resolve(name);
    }
}
