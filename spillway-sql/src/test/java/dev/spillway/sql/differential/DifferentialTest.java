package dev.spillway.sql.differential;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.spillway.api.ExecutionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same queries in Spillway and DuckDB over the same seeded random Parquet files (see {@link RandomTables}):
 * the generated families of {@link GeneratedQueries} and the hand-written ones under
 * {@code src/test/resources/differential}. {@code -Ddifferential.seed=N} draws other tables; a failure names
 * the seed. Spillway runs with small batches (1000 rows) and two threads, so that every operator meets batch
 * and task boundaries.
 */
class DifferentialTest {
    static final long SEED = Long.getLong("differential.seed", 20_240_917L);

    @TempDir
    static Path directory;
    private static DifferentialRunner runner;

    @BeforeAll
    static void writeTablesAndStartEngines() {
        runner = DifferentialRunner.open(ExecutionConfig.defaults().withTargetBatchRows(1000).withMemoryLimit(2L << 30));
        Map<String, Path> files;
        try (BufferAllocator allocator = runner.session().memoryPool().newQueryAllocator("random tables")) {
            files = RandomTables.write(directory, SEED, allocator);
        }
        files.forEach(runner::viewOverParquet);
    }

    @AfterAll
    static void stopEngines() {
        if (runner != null) {
            runner.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> generatedFamilies() {
        return GeneratedQueries.all().stream().map(query -> dynamicTest(query.name(), () -> runner.check(query)));
    }

    @TestFactory
    Stream<DynamicNode> handWrittenFamilies() throws IOException {
        Files.createDirectories(QueryFiles.ROOT);
        return QueryFiles.files().stream().map(file -> dynamicContainer(file.getFileName().toString(), file.toUri(),
                QueryFiles.read(file).stream().map(query -> dynamicTest(query.name(), () -> runner.check(query)))));
    }
}
