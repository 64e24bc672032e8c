package dev.spillway.bench.tpch;

import static java.util.Objects.requireNonNull;

import dev.spillway.bench.engine.EngineSetup;
import dev.spillway.bench.worker.ChildJvm;
import dev.spillway.io.tpch.TpchSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Parquet files of one scale factor: {@code <directory>/<table>.parquet} for the 8 TPC-H tables. */
public record TpchDataSet(Path directory, double scaleFactor) {
    public TpchDataSet {
        requireNonNull(directory, "directory is null");
    }

    public List<EngineSetup.ParquetTable> tables() {
        List<EngineSetup.ParquetTable> tables = new ArrayList<>();
        for (String table : TpchSource.tableNames()) {
            tables.add(new EngineSetup.ParquetTable(table, directory.resolve(table + ".parquet")));
        }
        return tables;
    }

    public boolean isComplete() {
        return tables().stream().allMatch(table -> Files.isRegularFile(table.file()));
    }

    /**
     * Generates the missing files in a child JVM (the harness itself never loads Arrow), before anything
     * is timed. Files that exist are complete (the generator writes atomically) and are kept.
     */
    public void ensureGenerated(ChildJvm jvm, PrintStream log) throws IOException, InterruptedException {
        if (isComplete()) {
            return;
        }
        log.printf("Generating TPC-H SF %s Parquet files in %s (once per scale factor, not timed)...%n",
                TpchOptions.formatScaleFactor(scaleFactor), directory);
        long start = System.nanoTime();
        int exit = jvm.runToCompletion(TpchGeneratorMain.class, List.of(directory.toString(), Double.toString(scaleFactor)));
        if (exit != 0 || !isComplete()) {
            throw new IOException("TPC-H data generation failed (exit code " + exit + "); see the messages above");
        }
        log.printf("Generated in %.1f s.%n", (System.nanoTime() - start) / 1e9);
    }
}
