package dev.spillway.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root folder (with README.md and bin/spillway), found from the module folder tests run in. */
final class ProjectRoot {
    private ProjectRoot() {}

    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bin/spillway")) && Files.isDirectory(dir.resolve("spillway-cli"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no project root (with bin/spillway) above " + Path.of("").toAbsolutePath());
    }
}
