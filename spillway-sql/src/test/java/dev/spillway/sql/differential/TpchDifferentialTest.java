package dev.spillway.sql.differential;

import dev.spillway.io.tpch.TpchQueryText;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.io.tpch.TpchData;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 22 TPC-H queries (DuckDB's texts, {@link TpchQueryText}) in Spillway and DuckDB over the same
 * scale factor 0.1 Parquet files, generated once per run by Spillway's generator: same rows, same column
 * types (HUGEINT aside, see {@link TypeCorrespondence}), same order where the query orders.
 */
class TpchDifferentialTest {
    private static final double SCALE_FACTOR = 0.1;

    @TempDir
    static Path directory;
    private static DifferentialRunner runner;

    @BeforeAll
    static void generateAndStartEngines() {
        runner = DifferentialRunner.open(ExecutionConfig.defaults().withMemoryLimit(2L << 30));
        List<Path> files;
        try (BufferAllocator allocator = runner.session().memoryPool().newQueryAllocator("tpch generator")) {
            files = TpchData.generateParquet(directory, SCALE_FACTOR, allocator);
        }
        for (Path file : files) {
            runner.viewOverParquet(file.getFileName().toString().replace(".parquet", ""), file);
        }
    }

    @AfterAll
    static void stopEngines() {
        if (runner != null) {
            runner.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> queries() {
        return IntStream.rangeClosed(1, 22).mapToObj(number -> {
            String name = String.format("q%02d", number);
            DifferentialQuery query = DifferentialQuery.of("TPC-H " + name, TpchQueryText.sql(number));
            return dynamicTest(query.name(), () -> runner.check(query));
        });
    }
}
