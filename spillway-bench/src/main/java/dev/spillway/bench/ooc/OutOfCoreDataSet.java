package dev.spillway.bench.ooc;

import static java.util.Objects.requireNonNull;

import dev.spillway.bench.engine.EngineSetup;
import dev.spillway.bench.worker.ChildJvm;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * The suite's Parquet files in one folder: {@code x-<rows>.parquet} and {@code o-<sortRows>.parquet}.
 * Each is generated once per row count and kept for later runs.
 */
public record OutOfCoreDataSet(Path directory, long rows, long sortRows) {
    public OutOfCoreDataSet {
        requireNonNull(directory, "directory is null");
    }

    public long rows(OutOfCoreTable table) {
        return switch (table) {
            case X -> rows;
            case O -> sortRows;
        };
    }

    public Path file(OutOfCoreTable table) {
        return directory.resolve(table.fileName(rows(table)));
    }

    /** Views over the given tables' files, in table order. */
    public List<EngineSetup.ParquetTable> tables(Set<OutOfCoreTable> tables) {
        return tables.stream().sorted().map(table -> new EngineSetup.ParquetTable(table.viewName(), file(table))).toList();
    }

    /**
     * Generates the missing files, one child JVM each (the harness itself never loads Arrow), before
     * anything is timed.
     */
    public void ensureGenerated(Set<OutOfCoreTable> tables, ChildJvm jvm, PrintStream log) throws IOException, InterruptedException {
        for (OutOfCoreTable table : tables.stream().sorted().toList()) {
            Path file = file(table);
            if (Files.isRegularFile(file)) {
                continue;
            }
            log.printf("Generating table %s (%d rows) in %s with Spillway (once per row count, not timed)...%n", table.viewName(), rows(table), file);
            long start = System.nanoTime();
            int exit = jvm.runToCompletion(OutOfCoreGeneratorMain.class, List.of(table.name(), Long.toString(rows(table)), file.toString()));
            if (exit != 0 || !Files.isRegularFile(file)) {
                throw new IOException("generating table " + table.viewName() + " failed (exit code " + exit + "); see the messages above");
            }
            log.printf("Generated in %.1f s (%d MiB).%n", (System.nanoTime() - start) / 1e9, Files.size(file) >> 20);
        }
    }

    /**
     * Reads the files once, so that they are in the page cache for both engines alike: without it the engine
     * that runs a table's first query would read it from the disk (after generation on another day, or after
     * the throughput measurement dropped the cache) and the other would find it cached.
     */
    public void readIntoPageCache(Set<OutOfCoreTable> tables) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(8 << 20);
        for (OutOfCoreTable table : tables) {
            try (FileChannel channel = FileChannel.open(file(table), StandardOpenOption.READ)) {
                while (channel.read(buffer.clear()) >= 0) {
                    // Reading is the point; the bytes are not needed.
                }
            }
        }
    }
}
