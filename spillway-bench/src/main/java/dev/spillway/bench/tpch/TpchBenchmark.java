package dev.spillway.bench.tpch;

import dev.spillway.api.Sizes;
import dev.spillway.bench.engine.EngineKind;
import dev.spillway.bench.engine.EngineSetup;
import dev.spillway.bench.harness.RunPolicy;
import dev.spillway.bench.harness.SideBySide;
import dev.spillway.bench.harness.WorkerSlot;
import dev.spillway.bench.report.BenchReport;
import dev.spillway.bench.report.ConsoleTable;
import dev.spillway.bench.report.Durations;
import dev.spillway.bench.report.EngineInfo;
import dev.spillway.bench.report.MachineInfo;
import dev.spillway.bench.report.MarkdownReport;
import dev.spillway.bench.report.QueryOutcome;
import dev.spillway.bench.report.QueryStatus;
import dev.spillway.bench.report.SourceRevision;
import dev.spillway.bench.worker.ChildJvm;
import dev.spillway.bench.worker.WorkerSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The TPC-H benchmark's main class: Spillway against DuckDB on the same Parquet files, each engine in
 * its own worker JVM (see the {@code dev.spillway.bench} package description for the whole picture).
 *
 * <p>Exit code 0 when every query is OK, 1 when any is not (wrong answer, error or timeout), 2 when the
 * options are wrong or the benchmark could not run at all.
 */
public final class TpchBenchmark {
    private static final Duration WORKER_START_TIMEOUT = Duration.ofMinutes(2);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private TpchBenchmark() {}

    /** The report and where its Markdown file was written. */
    public record Result(BenchReport report, Path markdownFile) {}

    public static void main(String[] args) {
        TpchOptions options;
        try {
            switch (TpchOptionsParser.parse(Arrays.asList(args), TpchOptionsParser.Defaults.ofThisMachine())) {
                case TpchOptionsParser.Command.Help help -> {
                    System.out.print(TpchOptionsParser.USAGE);
                    return;
                }
                case TpchOptionsParser.Command.Run run -> options = run.options();
            }
        } catch (IllegalArgumentException e) {
            System.err.println("run-tpch: " + e.getMessage());
            System.err.print(TpchOptionsParser.USAGE);
            System.exit(2);
            return;
        }
        try {
            Result result = run(options, ChildJvm.likeThisJvm(options.maxHeap()), System.err);
            System.out.print(ConsoleTable.render(result.report()));
            System.out.println();
            System.out.println("Report: " + result.markdownFile());
            boolean allOk = result.report().outcomes().stream().allMatch(outcome -> outcome.status() == QueryStatus.OK);
            System.exit(allOk ? 0 : 1);
        } catch (IOException | RuntimeException e) {
            System.err.println("run-tpch: " + e.getMessage());
            System.exit(2);
        } catch (InterruptedException e) {
            System.err.println("run-tpch: interrupted");
            System.exit(2);
        }
    }

    /**
     * Generates the data if needed, runs every query side by side, writes the Markdown report.
     *
     * @param log progress and problems, line by line (the table itself is the caller's to print)
     */
    public static Result run(TpchOptions options, ChildJvm jvm, PrintStream log) throws IOException, InterruptedException {
        TpchDataSet data = new TpchDataSet(options.dataDirectory(), options.scaleFactor());
        data.ensureGenerated(jvm, log);
        Path scratch = Files.createTempDirectory("spillway-bench-");
        RunPolicy policy = new RunPolicy(options.warmupRuns(), options.timedRuns(), options.timeout());
        List<QueryOutcome> outcomes = new ArrayList<>();
        ZonedDateTime started = ZonedDateTime.now();
        String loadAtStart = MachineInfo.loadAverage();
        EngineInfo subjectInfo;
        EngineInfo referenceInfo;
        try (WorkerSlot subject = slot(EngineKind.SPILLWAY, options, data, jvm, scratch, log);
             WorkerSlot reference = slot(EngineKind.DUCKDB, options, data, jvm, scratch, log)) {
            // Both workers start before the first query, so a broken setup stops the run at once.
            subject.worker();
            reference.worker();
            SideBySide sideBySide = new SideBySide(subject, reference, policy, scratch, log);
            for (int query : options.queries()) {
                outcomes.add(sideBySide.run(TpchQueries.name(query), TpchQueries.sql(query)));
            }
            subjectInfo = subject.info().orElseThrow();
            referenceInfo = reference.info().orElseThrow();
        } finally {
            deleteRecursively(scratch);
        }
        ZonedDateTime finished = ZonedDateTime.now();
        BenchReport report = new BenchReport(title(options), settings(options, jvm), MachineInfo.detect(), subjectInfo, referenceInfo,
                outcomes, started, finished, loadAtStart, MachineInfo.loadAverage());
        String fileName = "tpch-sf" + options.scaleFactorText() + "-t" + options.threads() + "-" + started.format(FILE_TIME) + ".md";
        Path markdown = MarkdownReport.write(report, options.resultsDirectory(), fileName);
        return new Result(report, markdown);
    }

    private static WorkerSlot slot(EngineKind engine, TpchOptions options, TpchDataSet data, ChildJvm jvm, Path scratch, PrintStream log) {
        EngineSetup setup = new EngineSetup(data.tables(), options.threads(), options.memoryLimit(), scratch.resolve("spill-" + engine.id()));
        return new WorkerSlot(jvm, new WorkerSpec(engine, setup), WORKER_START_TIMEOUT, log);
    }

    private static String title(TpchOptions options) {
        return "TPC-H SF " + options.scaleFactorText() + ", " + options.threads() + " thread" + (options.threads() == 1 ? "" : "s")
                + ": Spillway vs DuckDB";
    }

    private static List<BenchReport.Setting> settings(TpchOptions options, ChildJvm jvm) {
        String revision = RepositoryRoot.ofRunningCode().map(SourceRevision::describe).orElse("unknown");
        return List.of(
                new BenchReport.Setting("Scale factor", options.scaleFactorText()),
                new BenchReport.Setting("Threads (both engines)", Integer.toString(options.threads())),
                new BenchReport.Setting("Queries", String.join(",", options.queries().stream().map(TpchQueries::name).toList())),
                new BenchReport.Setting("Warm-up runs per query and engine", options.warmupRuns() + " (the first one's answer is compared)"),
                new BenchReport.Setting("Timed runs per query and engine", Integer.toString(options.timedRuns())),
                new BenchReport.Setting("Timeout per run", Durations.format(options.timeout())),
                new BenchReport.Setting("Memory limit (both engines)", options.memoryLimit()
                        .map(limit -> limit + " (" + Sizes.format(Sizes.parse("memory_limit", limit, -1)) + ")")
                        .orElse("each engine's default")),
                new BenchReport.Setting("Data", options.dataDirectory() + " (Parquet written by Spillway's TPC-H generator)"),
                new BenchReport.Setting("Worker JVM options", String.join(" ", jvm.jvmOptions())),
                new BenchReport.Setting("Spillway source revision", revision));
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
