package dev.spillway.bench.report;

import dev.spillway.bench.engine.EngineKind;
import dev.spillway.bench.rss.RunRss;
import dev.spillway.bench.tempfiles.RunTempSpace;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/** A small report with one query of each status, for the rendering tests. */
final class ReportFixtures {
    private ReportFixtures() {}

    private static RunRss rss(long startMiB, long peakMiB) {
        return new RunRss(startMiB << 20, peakMiB << 20);
    }

    private static RunTempSpace temp(long startMiB, long peakMiB) {
        return new RunTempSpace(startMiB << 20, peakMiB << 20);
    }

    static BenchReport mixedReport() {
        List<QueryOutcome> outcomes = List.of(
                new QueryOutcome("Q01", QueryStatus.OK,
                        EngineResult.completed(EngineKind.SPILLWAY, List.of(2_000_000_000L, 1_500_000_000L, 1_800_000_000L), rss(95, 900),
                                temp(0, 2048)),
                        EngineResult.completed(EngineKind.DUCKDB, List.of(500_000_000L, 450_000_000L, 600_000_000L), rss(110, 300),
                                temp(300, 1500)),
                        List.of()),
                new QueryOutcome("Q03", QueryStatus.FAILED,
                        EngineResult.completed(EngineKind.SPILLWAY, List.of(3_000_000L), rss(150, 200), temp(0, 0)),
                        EngineResult.completed(EngineKind.DUCKDB, List.of(1_000_000L), rss(99, 100), temp(0, 0)),
                        List.of("Spillway's answer differs from DuckDB's: row 1, column revenue: expected 1 | 2, got 3")),
                new QueryOutcome("Q09", QueryStatus.TIMEOUT,
                        EngineResult.failed(EngineKind.SPILLWAY, EngineResult.Status.TIMEOUT, "Spillway did not finish timed run 1 of 3 within 10 min"),
                        EngineResult.completed(EngineKind.DUCKDB, List.of(700_000_000L), RunRss.UNKNOWN, RunTempSpace.UNKNOWN),
                        List.of("Spillway did not finish timed run 1 of 3 within 10 min")),
                new QueryOutcome("Q13", QueryStatus.OK,
                        EngineResult.completed(EngineKind.SPILLWAY, List.of(400_000_000L), rss(200, 250), temp(0, 0)),
                        EngineResult.completed(EngineKind.DUCKDB, List.of(100_000_000L), new RunRss(-1, 120L << 20), temp(0, 0)),
                        List.of()));
        ZonedDateTime started = ZonedDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        return new BenchReport("TPC-H SF 1, 2 threads: Spillway vs DuckDB",
                List.of(new BenchReport.Setting("Scale factor", "1"), new BenchReport.Setting("Threads (both engines)", "2")),
                new MachineInfo(2, 24L << 30, "Some CPU", "Linux 6.1 amd64", "Eclipse Adoptium 25"),
                new EngineInfo(EngineKind.SPILLWAY, "0.1.0-SNAPSHOT", "VmHWM", 90L << 20),
                new EngineInfo(EngineKind.DUCKDB, "v2.0.0", "VmHWM", 110L << 20),
                outcomes, started, started.plusMinutes(3), "7.50 7.00 6.90", "8.00 7.10 6.95", List.of(), List.of());
    }

    /** The same report with a suite's own sections. */
    static BenchReport withSections(BenchReport report, List<BenchReport.Section> preamble, List<BenchReport.Section> notes) {
        return new BenchReport(report.title(), report.settings(), report.machine(), report.subject(), report.reference(), report.outcomes(),
                report.started(), report.finished(), report.loadAtStart(), report.loadAtEnd(), preamble, notes);
    }
}
