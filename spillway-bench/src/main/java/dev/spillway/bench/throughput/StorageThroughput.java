package dev.spillway.bench.throughput;

import static java.util.Objects.requireNonNull;

import dev.spillway.api.Sizes;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Both throughput measurements of one folder, passed from the child JVM that made them to the harness as
 * a small properties file, and put into words for the report.
 *
 * @param folder where the files were written: the folder the engines spill to
 */
public record StorageThroughput(Path folder, DiskBandwidth disk, SpillThroughput spill) {
    public StorageThroughput {
        requireNonNull(folder, "folder is null");
        requireNonNull(disk, "disk is null");
        requireNonNull(spill, "spill is null");
    }

    public void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("folder", folder.toString());
        properties.setProperty("disk.bytes", Long.toString(disk.bytes()));
        properties.setProperty("disk.writeNanos", Long.toString(disk.writeNanos()));
        properties.setProperty("disk.readNanos", Long.toString(disk.readNanos()));
        properties.setProperty("disk.readFromDisk", Boolean.toString(disk.readFromDisk()));
        properties.setProperty("spill.arrowBytes", Long.toString(spill.arrowBytes()));
        properties.setProperty("spill.diskBytes", Long.toString(spill.diskBytes()));
        properties.setProperty("spill.writeNanos", Long.toString(spill.writeNanos()));
        properties.setProperty("spill.readNanos", Long.toString(spill.readNanos()));
        properties.setProperty("spill.readFromDisk", Boolean.toString(spill.readFromDisk()));
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "disk and spill-path throughput");
        }
    }

    public static StorageThroughput read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        try {
            return new StorageThroughput(Path.of(require(properties, "folder", file)),
                    new DiskBandwidth(number(properties, "disk.bytes", file), number(properties, "disk.writeNanos", file),
                            number(properties, "disk.readNanos", file), Boolean.parseBoolean(require(properties, "disk.readFromDisk", file))),
                    new SpillThroughput(number(properties, "spill.arrowBytes", file), number(properties, "spill.diskBytes", file),
                            number(properties, "spill.writeNanos", file), number(properties, "spill.readNanos", file),
                            Boolean.parseBoolean(require(properties, "spill.readFromDisk", file))));
        } catch (NumberFormatException e) {
            throw new IOException("not a throughput file: " + file, e);
        }
    }

    /** The report's lines: the disk first, then the spill path in the same units, to compare. */
    public List<String> describe() {
        return List.of(
                String.format(Locale.ROOT, "Disk under %s, sequential in %d MiB blocks: wrote %s at %.0f MiB/s (to the disk: force() "
                                + "included), read it at %.0f MiB/s %s.",
                        folder, DiskBandwidthMeter.BLOCK_BYTES >> 20, Sizes.format(disk.bytes()), disk.writeMiBPerSecond(),
                        disk.readMiBPerSecond(), readSource(disk.readFromDisk())),
                String.format(Locale.ROOT, "Spillway's spill path (TempStorage, SpillWriter: Arrow IPC compressed with ZSTD, one thread), "
                                + "batches like a sort run of table o: %s of Arrow data became %s on disk (%.1f to 1). "
                                + "Write (force() included): %.0f MiB/s of Arrow data, %.0f MiB/s on disk. "
                                + "Read back %s: %.0f MiB/s of Arrow data, %.0f MiB/s on disk.",
                        Sizes.format(spill.arrowBytes()), Sizes.format(spill.diskBytes()), spill.compressionRatio(),
                        spill.writeArrowMiBPerSecond(), spill.writeDiskMiBPerSecond(), readSource(spill.readFromDisk()),
                        spill.readArrowMiBPerSecond(), spill.readDiskMiBPerSecond()));
    }

    private static String readSource(boolean fromDisk) {
        return fromDisk ? "after dropping the page cache" : "from the page cache (it could not be dropped: that needs root)";
    }

    private static String require(Properties properties, String key, Path file) throws IOException {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IOException("no " + key + " in the throughput file " + file);
        }
        return value;
    }

    private static long number(Properties properties, String key, Path file) throws IOException {
        return Long.parseLong(require(properties, key, file));
    }
}
