package dev.spillway.bench.throughput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Empties the kernel's page cache, so that a file written a moment ago is read back from the disk and not
 * from memory. Only root can: elsewhere reads come from the cache, and the measurements say so.
 */
public final class PageCache {
    private static final Path DROP_CACHES = Path.of("/proc/sys/vm/drop_caches");

    private PageCache() {}

    /**
     * Drops the clean pages of the page cache ({@code echo 1 > /proc/sys/vm/drop_caches}); dirty pages stay,
     * so callers force their file to the disk first.
     *
     * @return whether the cache was dropped
     */
    public static boolean drop() {
        if (!Files.isWritable(DROP_CACHES)) {
            return false;
        }
        try {
            Files.writeString(DROP_CACHES, "1");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
