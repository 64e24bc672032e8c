package dev.spillway.spill;

import dev.spillway.api.Sizes;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.memory.MemoryTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The spill folder of one engine instance: {@code <temp_directory>/spillway-<pid>-<n>}, created on the
 * first spill. Tracks every live {@link SpillFile} and their total size against
 * {@code max_temp_directory_size}; exceeding it is an error naming that setting.
 */
public final class TempStorage implements AutoCloseable {
    private static final String PREFIX = "spillway-";
    private static final AtomicLong INSTANCES = new AtomicLong();

    private final Path parent;
    private final String folderName;
    private final AtomicLong usedBytes = new AtomicLong();
    private final AtomicLong fileCounter = new AtomicLong();
    private final Set<SpillFile> files = ConcurrentHashMap.newKeySet();
    private volatile long maxBytes;
    private volatile Path folder;

    public TempStorage(Path parent, long maxBytes) {
        this.parent = parent;
        this.maxBytes = maxBytes;
        this.folderName = PREFIX + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
        removeStaleFolders(parent);
    }

    public void setMaxBytes(long bytes) {
        this.maxBytes = bytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public long usedBytes() {
        return usedBytes.get();
    }

    /** The live spill files, largest first. */
    public List<SpillFile> files() {
        List<SpillFile> list = new ArrayList<>(files);
        list.sort(Comparator.comparingLong(SpillFile::size).reversed());
        return list;
    }

    /** A new, empty spill file; {@code purpose} appears in its name (e.g. the operator), {@code tag} in {@code memory()}. */
    public SpillFile newFile(String purpose, MemoryTag tag) {
        Path directory = folder();
        String safe = purpose.replaceAll("[^A-Za-z0-9_.-]", "_");
        Path path = directory.resolve(safe + "-" + fileCounter.incrementAndGet() + ".arrow");
        SpillFile file = new SpillFile(this, path, tag);
        files.add(file);
        return file;
    }

    private synchronized Path folder() {
        if (folder == null) {
            Path created = parent.resolve(folderName);
            try {
                Files.createDirectories(created);
            } catch (IOException e) {
                throw new SpillwayException(ErrorKind.IO, "cannot create the spill folder " + created
                        + " (set temp_directory to a writable folder): " + e.getMessage(), e);
            }
            folder = created;
        }
        return folder;
    }

    /** Called by writers as bytes reach the disk; fails once the quota is exceeded. */
    void charge(SpillFile file, long bytes) {
        long total = usedBytes.addAndGet(bytes);
        if (total > maxBytes) {
            throw new SpillwayException(ErrorKind.OUT_OF_MEMORY, "spilling " + file.path().getFileName() + " needs more than max_temp_directory_size ("
                    + Sizes.format(maxBytes) + ") of temporary files; raise max_temp_directory_size, free space in temp_directory ("
                    + parent + "), or raise memory_limit so less is spilled");
        }
    }

    void chargeUnchecked(long bytes) {
        usedBytes.addAndGet(bytes);
    }

    void released(SpillFile file, long bytes) {
        usedBytes.addAndGet(-bytes);
        files.remove(file);
    }

    /** Deletes every remaining spill file and the folder. */
    @Override
    public void close() {
        for (SpillFile file : new ArrayList<>(files)) {
            file.close();
        }
        Path current = folder;
        if (current != null) {
            deleteRecursively(current);
            folder = null;
        }
    }

    /** Removes {@code spillway-<pid>-*} folders whose process is gone (a crash left them behind). */
    static void removeStaleFolders(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(PREFIX) || !Files.isDirectory(entry)) {
                    continue;
                }
                String[] parts = name.substring(PREFIX.length()).split("-");
                try {
                    long pid = Long.parseLong(parts[0]);
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                } catch (NumberFormatException e) {
                    continue;
                }
                deleteRecursively(entry);
            }
        } catch (IOException | UncheckedIOException e) {
            // Cleanup is best effort: a folder we cannot list is not ours to fix.
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // Best effort; a later engine start removes what remains.
        }
    }
}
