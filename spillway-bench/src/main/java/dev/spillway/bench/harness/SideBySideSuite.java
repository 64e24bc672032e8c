package dev.spillway.bench.harness;

import static java.util.Objects.requireNonNull;

import dev.spillway.api.Sizes;
import dev.spillway.bench.engine.EngineKind;
import dev.spillway.bench.engine.EngineSetup;
import dev.spillway.bench.launch.RepositoryRoot;
import dev.spillway.bench.report.BenchReport;
import dev.spillway.bench.report.Durations;
import dev.spillway.bench.report.EngineInfo;
import dev.spillway.bench.report.MachineInfo;
import dev.spillway.bench.report.QueryOutcome;
import dev.spillway.bench.report.SourceRevision;
import dev.spillway.bench.tempfiles.Directories;
import dev.spillway.bench.worker.ChildJvm;
import dev.spillway.bench.worker.WorkerSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every suite does once its data is ready: start a worker per engine, run each query side by side,
 * and collect the outcomes with what is needed to report them. Everything a run writes (both engines'
 * spill folders, the scripts' output files, the answers) lives in one scratch folder, deleted at the end.
 *
 * <pre>
 *   &lt;scratch parent&gt;/spillway-bench-&lt;random&gt;/
 *     spill-spillway/   spill-duckdb/     each engine's temp_directory (sampled for the peak temp size)
 *     output-spillway/  output-duckdb/    files written by scripts ({output})
 *     Q01-subject.answer ...              answers, deleted as soon as they are read
 * </pre>
 */
public final class SideBySideSuite {
    private static final Duration WORKER_START_TIMEOUT = Duration.ofMinutes(2);

    /** One query of a suite: the name in the report and the SQL text (or script) both engines run. */
    public record Query(String name, String sql) {
        public Query {
            requireNonNull(name, "name is null");
            requireNonNull(sql, "sql is null");
        }
    }

    /**
     * What both engines are given, and how they run.
     *
     * @param scratchParent the folder the scratch folder is made in: where the engines spill
     */
    public record Setup(List<EngineSetup.ParquetTable> tables, int threads, Optional<String> memoryLimit, Path scratchParent,
                        RunPolicy policy) {
        public Setup {
            tables = List.copyOf(tables);
            requireNonNull(memoryLimit, "memoryLimit is null");
            requireNonNull(scratchParent, "scratchParent is null");
            requireNonNull(policy, "policy is null");
        }
    }

    /** The outcomes, the engines as their workers described themselves, and when and how busy the machine was. */
    public record Result(List<QueryOutcome> outcomes, EngineInfo subject, EngineInfo reference, ZonedDateTime started,
                         ZonedDateTime finished, String loadAtStart, String loadAtEnd) {
        public Result {
            outcomes = List.copyOf(outcomes);
        }

        public BenchReport toReport(String title, List<BenchReport.Setting> settings, List<BenchReport.Section> preamble,
                                    List<BenchReport.Section> notes) {
            return new BenchReport(title, settings, MachineInfo.detect(), subject, reference, outcomes, started, finished,
                    loadAtStart, loadAtEnd, preamble, notes);
        }
    }

    private SideBySideSuite() {}

    /** @param log progress and problems, line by line */
    public static Result run(ChildJvm jvm, Setup setup, List<Query> queries, PrintStream log) throws IOException {
        Files.createDirectories(setup.scratchParent());
        Path scratch = Files.createTempDirectory(setup.scratchParent(), "spillway-bench-");
        List<QueryOutcome> outcomes = new ArrayList<>();
        ZonedDateTime started = ZonedDateTime.now();
        String loadAtStart = MachineInfo.loadAverage();
        try (WorkerSlot subject = slot(EngineKind.SPILLWAY, setup, jvm, scratch, log);
             WorkerSlot reference = slot(EngineKind.DUCKDB, setup, jvm, scratch, log)) {
            // Both workers start before the first query, so a broken setup stops the run at once.
            subject.worker();
            reference.worker();
            SideBySide sideBySide = new SideBySide(subject, reference, setup.policy(), scratch, log);
            for (Query query : queries) {
                outcomes.add(sideBySide.run(query.name(), query.sql()));
            }
            return new Result(outcomes, subject.info().orElseThrow(), reference.info().orElseThrow(), started, ZonedDateTime.now(),
                    loadAtStart, MachineInfo.loadAverage());
        } finally {
            Directories.deleteRecursively(scratch);
        }
    }

    /**
     * The settings every suite reports, in this order: threads, runs, timeout, memory limit, worker JVM
     * options and the source revision. A suite puts its own (data, queries) before them.
     */
    public static List<BenchReport.Setting> commonSettings(Setup setup, ChildJvm jvm) {
        RunPolicy policy = setup.policy();
        String revision = RepositoryRoot.ofRunningCode().map(SourceRevision::describe).orElse("unknown");
        return List.of(
                new BenchReport.Setting("Threads (both engines)", Integer.toString(setup.threads())),
                new BenchReport.Setting("Warm-up runs per query and engine", policy.warmupRuns()
                        + (policy.warmupRuns() == 0 ? " (the first timed run's answer is compared)" : " (the first one's answer is compared)")),
                new BenchReport.Setting("Timed runs per query and engine", Integer.toString(policy.timedRuns())),
                new BenchReport.Setting("Timeout per run", Durations.format(policy.timeout())),
                new BenchReport.Setting("Memory limit (both engines)", setup.memoryLimit()
                        .map(limit -> limit + " (" + Sizes.format(Sizes.parse("memory_limit", limit, -1)) + ")")
                        .orElse("each engine's default")),
                new BenchReport.Setting("Worker JVM options", String.join(" ", jvm.jvmOptions())),
                new BenchReport.Setting("Spillway source revision", revision));
    }

    private static WorkerSlot slot(EngineKind engine, Setup setup, ChildJvm jvm, Path scratch, PrintStream log) {
        EngineSetup engineSetup = new EngineSetup(setup.tables(), setup.threads(), setup.memoryLimit(),
                scratch.resolve("spill-" + engine.id()), scratch.resolve("output-" + engine.id()));
        return new WorkerSlot(jvm, new WorkerSpec(engine, engineSetup), WORKER_START_TIMEOUT, log);
    }
}
