package dev.spillway.bench.ooc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.bench.engine.EngineKind;
import dev.spillway.bench.launch.Command;
import dev.spillway.bench.launch.LaunchDefaults;
import dev.spillway.bench.report.BenchReport;
import dev.spillway.bench.report.ConsoleTable;
import dev.spillway.bench.report.QueryOutcome;
import dev.spillway.bench.report.QueryStatus;
import dev.spillway.bench.report.WrittenReport;
import dev.spillway.bench.worker.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole suite at a tiny size with a memory limit large enough that nothing spills: data generation,
 * the throughput measurement in its child JVM, every query in both engines' workers (the ORDER BY script
 * too), the comparison and the report. Asserts structure and answers, never timings. The data goes under
 * target/ and is reused by later runs.
 */
class OutOfCoreBenchmarkEndToEndTest {
    private static final Path DATA = Path.of("target", "bench-test-data", "ooc").toAbsolutePath();

    @TempDir
    Path results;

    @TempDir
    Path spill;

    @Test
    void runsEveryQueryInBothEnginesComparesAnswersAndWritesTheReport() throws IOException, InterruptedException {
        LaunchDefaults defaults = new LaunchDefaults(2, Path.of("/unused"), results, Optional.empty());
        OutOfCoreOptions options = ((Command.Run<OutOfCoreOptions>) OutOfCoreOptionsParser.parse(List.of(
                "--rows", "20000", "--sort-rows", "20000", "--memory-limit", "2GB", "--timeout", "5m", "--heap", "512m",
                "--data-dir", DATA.toString(), "--temp-dir", spill.toString(), "--throughput-size", "4MiB", "--drop-page-cache", "no",
                "--results-dir", results.toString()), defaults)).options();

        WrittenReport result = OutOfCoreBenchmark.run(options, ChildJvm.likeThisJvm(options.maxHeap()), System.err);

        BenchReport report = result.report();
        assertThat(report.outcomes()).extracting(QueryOutcome::query).containsExactlyElementsOf(OutOfCoreQueries.names());
        for (QueryOutcome outcome : report.outcomes()) {
            assertThat(outcome.status()).as("%s: %s", outcome.query(), outcome.problems()).isEqualTo(QueryStatus.OK);
            assertThat(outcome.subject().engine()).isEqualTo(EngineKind.SPILLWAY);
            assertThat(outcome.subject().timedNanos()).hasSize(1);
            assertThat(outcome.reference().timedNanos()).hasSize(1);
            assertThat(outcome.subject().peakTempMiB()).isPresent();
            assertThat(outcome.reference().peakTempMiB()).isPresent();
        }
        assertThat(report.preamble()).singleElement().satisfies(section -> {
            assertThat(section.title()).isEqualTo("Spill throughput on this machine");
            assertThat(section.lines()).hasSize(2);
            assertThat(section.lines().get(1)).contains("from the page cache");
        });

        assertThat(result.markdownFile().getFileName().toString()).matches("out-of-core-t2-m2GB-\\d{8}-\\d{6}\\.md");
        String markdown = Files.readString(result.markdownFile());
        assertThat(markdown).contains("# Out-of-core: memory_limit 2GB, 2 threads: Spillway vs DuckDB", "## Spill throughput on this machine",
                "## Results", "| q1 | OK |", "| q10 | OK |", "| order_by | OK |", "| count_distinct | OK |", "Spillway peak temp MiB",
                "- Rows of x (group-by table): 20,000", "- Warm-up runs per query and engine: 0 (the first timed run's answer is compared)",
                "## Queries", "**q8** (x): largest two v3 by id6", "Changed from the H2O benchmark: the original keeps the two largest v3");
        assertThat(ConsoleTable.render(report)).contains("Spill throughput on this machine:");

        assertThat(DATA.resolve("x-20000.parquet")).isRegularFile();
        assertThat(DATA.resolve("o-20000.parquet")).isRegularFile();
        try (Stream<Path> left = Files.list(spill)) {
            assertThat(left).as("the scratch folder and the throughput files are gone").isEmpty();
        }
    }
}
