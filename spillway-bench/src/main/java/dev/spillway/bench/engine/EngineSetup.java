package dev.spillway.bench.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What both engines are given before any query: the same views over the same Parquet files, the same
 * number of threads, the same memory limit (or each engine's default when empty), and two folders each.
 *
 * @param tables          view name and Parquet file of each table
 * @param tempDirectory   the engine's {@code temp_directory}: its spill files and nothing else, so that
 *                        its size during a run is what the engine spilled
 * @param outputDirectory where the files that scripts write go ({@code {output}}, see {@link BenchScript})
 */
public record EngineSetup(List<ParquetTable> tables, int threads, Optional<String> memoryLimit, Path tempDirectory,
                          Path outputDirectory) {
    public EngineSetup {
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        requireNonNull(memoryLimit, "memoryLimit is null");
        requireNonNull(tempDirectory, "tempDirectory is null");
        requireNonNull(outputDirectory, "outputDirectory is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** A table the engines see as a view named {@code name} over one Parquet file. */
    public record ParquetTable(String name, Path file) {
        public ParquetTable {
            requireNonNull(name, "name is null");
            requireNonNull(file, "file is null");
        }

        /**
         * The view definition, word for word the same in both engines so that neither gets a different
         * plan shape (both push projections and filters through a view into {@code read_parquet}).
         */
        public String createViewSql() {
            return "CREATE VIEW " + name + " AS SELECT * FROM read_parquet('"
                    + file.toAbsolutePath().toString().replace("'", "''") + "')";
        }
    }
}
