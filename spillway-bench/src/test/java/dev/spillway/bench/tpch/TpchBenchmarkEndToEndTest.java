package dev.spillway.bench.tpch;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole benchmark at SF 0.01 with three queries and one timed run: data generation, both engines'
 * workers, comparison and the report. Asserts structure and answers, never timings. The data goes under
 * target/ and is reused by later runs.
 */
class TpchBenchmarkEndToEndTest {
    private static final Path DATA = Path.of("target", "bench-test-data", "tpch-sf0.01").toAbsolutePath();

    @TempDir
    Path results;

    @Test
    void runsQueriesInBothEnginesComparesAnswersAndWritesTheReport() throws IOException, InterruptedException {
        LaunchDefaults defaults = new LaunchDefaults(2, Path.of("/unused"), results, Optional.empty());
        TpchOptions options = ((Command.Run<TpchOptions>) TpchOptionsParser.parse(List.of(
                "--sf", "0.01", "--threads", "2", "--queries", "1,6,13", "--warmup", "1", "--reps", "1", "--timeout", "5m",
                "--heap", "512m", "--data-dir", DATA.toString(), "--results-dir", results.toString()), defaults)).options();

        WrittenReport result = TpchBenchmark.run(options, ChildJvm.likeThisJvm(options.maxHeap()), System.err);

        BenchReport report = result.report();
        assertThat(report.outcomes()).extracting(QueryOutcome::query).containsExactly("Q01", "Q06", "Q13");
        for (QueryOutcome outcome : report.outcomes()) {
            assertThat(outcome.status()).as("%s: %s", outcome.query(), outcome.problems()).isEqualTo(QueryStatus.OK);
            assertThat(outcome.subject().engine()).isEqualTo(EngineKind.SPILLWAY);
            assertThat(outcome.reference().engine()).isEqualTo(EngineKind.DUCKDB);
            assertThat(outcome.subject().timedNanos()).hasSize(1);
            assertThat(outcome.reference().timedNanos()).hasSize(1);
            assertThat(outcome.subject().peakRssMiB()).isPresent();
            assertThat(outcome.reference().peakRssMiB()).isPresent();
            assertThat(outcome.subject().startRssMiB().getAsLong()).isLessThanOrEqualTo(outcome.subject().peakRssMiB().getAsLong());
            assertThat(outcome.ratio()).isPresent();
        }
        assertThat(report.geometricMeanRatio()).isPresent();
        assertThat(report.subject().version()).isNotBlank();
        assertThat(report.reference().version()).startsWith("v");

        assertThat(result.markdownFile().getParent()).isEqualTo(results);
        assertThat(result.markdownFile().getFileName().toString()).matches("tpch-sf0\\.01-t2-\\d{8}-\\d{6}\\.md");
        String markdown = Files.readString(result.markdownFile());
        assertThat(markdown).contains("# TPC-H SF 0.01, 2 threads: Spillway vs DuckDB", "| Q01 | OK |", "| Q06 | OK |", "| Q13 | OK |",
                "## Machine", "## Engines", "## Settings", "- Threads (both engines): 2");
        assertThat(ConsoleTable.render(report)).contains("Geometric mean of Spillway/DuckDB ratios");
        assertThat(new TpchDataSet(DATA, 0.01).isComplete()).isTrue();
    }
}
