package dev.spillway.io;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Names for files written aside and renamed into place, so readers never see a half-written file. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * A hidden name next to the target ({@code .name.<random>.tmp}): in the same folder, hence on the
     * same file system, so the final rename is atomic.
     */
    public static Path temporarySibling(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    }
}
