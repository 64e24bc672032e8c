package dev.spillway.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {
    @TempDir
    Path directory;

    @Test
    void hasTheTableTheMachineTheEnginesTheSettingsAndTheProblems() {
        String markdown = MarkdownReport.render(ReportFixtures.mixedReport());
        assertThat(markdown).startsWith("# TPC-H SF 1, 2 threads: Spillway vs DuckDB\n");
        assertThat(markdown).contains("Run from 2025-01-02 03:04:05 +00:00 to 2025-01-02 03:07:05 +00:00.");
        assertThat(markdown).contains(
                "| Query | Status | Spillway median ms | Spillway min ms | DuckDB median ms | DuckDB min ms | Ratio Spillway/DuckDB"
                        + " | Spillway peak RSS MiB (at start) | DuckDB peak RSS MiB (at start) | Spillway peak temp MiB | DuckDB peak temp MiB |\n"
                        + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                        + "| Q01 | OK | 1800 | 1500 | 500.0 | 450.0 | 3.60 | 900 (95) | 300 (110) | 2048 | 1500 (300) |\n");
        assertThat(markdown).contains("| Q09 | TIMEOUT | timeout | timeout | 700.0 | 700.0 | - | - | - | - | - |");
        assertThat(markdown).contains("Peak temp is the largest total size of the files in the engine's temp_directory");
        // Without a preamble the table follows the title directly, as before suites had one.
        assertThat(markdown).doesNotContain("## Results");
        assertThat(markdown).contains("Geometric mean of Spillway/DuckDB ratios: 3.79 over 2 of 4 queries");
        assertThat(markdown).contains("## Machine", "- Cores: 2", "- Memory: 24576 MiB", "- CPU: Some CPU", "- JDK: Eclipse Adoptium 25",
                "- Load average (1, 5, 15 min) at start: 7.50 7.00 6.90");
        assertThat(markdown).contains("## Engines", "- Spillway: 0.1.0-SNAPSHOT; idle worker RSS 90 MiB", "- DuckDB: v2.0.0");
        assertThat(markdown).contains("## Settings", "- Scale factor: 1", "- Threads (both engines): 2");
        // A pipe in a message must not split the line into table cells.
        assertThat(markdown).contains("## Problems", "- **Q03 FAILED**", "expected 1 \\| 2, got 3", "- **Q09 TIMEOUT**");
        assertThat(markdown).doesNotContain("**Q01");
    }

    @Test
    void writesTheFileThroughATemporaryOneThatIsGoneAfterwards() throws IOException {
        Path results = directory.resolve("bench").resolve("results");
        Path file = MarkdownReport.write(ReportFixtures.mixedReport(), results, "tpch-sf1-t2-20250102-030405.md");
        assertThat(file).isEqualTo(results.resolve("tpch-sf1-t2-20250102-030405.md"));
        assertThat(Files.readString(file)).isEqualTo(MarkdownReport.render(ReportFixtures.mixedReport()));
        try (Stream<Path> files = Files.list(results)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList()).isEqualTo(List.of("tpch-sf1-t2-20250102-030405.md"));
        }
    }

    @Test
    void showsThePreambleAboveTheTableAndTheNotesAfterTheSettings() {
        BenchReport report = ReportFixtures.withSections(ReportFixtures.mixedReport(),
                List.of(new BenchReport.Section("Spill throughput", List.of("Disk: 800 MiB/s", "Spill path: 300 MiB/s"))),
                List.of(new BenchReport.Section("Queries", List.of("**q1**: `SELECT 1`"))));
        String markdown = MarkdownReport.render(report);
        assertThat(markdown).contains("## Spill throughput\n\n- Disk: 800 MiB/s\n- Spill path: 300 MiB/s\n\n## Results\n\n| Query |");
        assertThat(markdown.indexOf("## Queries")).isGreaterThan(markdown.indexOf("## Settings"));
        assertThat(markdown.indexOf("## Queries")).isLessThan(markdown.indexOf("## Problems"));
        assertThat(markdown).contains("## Queries\n\n- **q1**: `SELECT 1`\n");

        String console = ConsoleTable.render(report);
        assertThat(console).contains("Spill throughput:\n  Disk: 800 MiB/s\n  Spill path: 300 MiB/s\n");
        assertThat(console).doesNotContain("SELECT 1"); // notes are for the report file
    }
}
