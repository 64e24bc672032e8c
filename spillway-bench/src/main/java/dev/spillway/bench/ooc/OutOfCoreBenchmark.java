package dev.spillway.bench.ooc;

import dev.spillway.bench.harness.RunPolicy;
import dev.spillway.bench.harness.SideBySideSuite;
import dev.spillway.bench.launch.BenchmarkLauncher;
import dev.spillway.bench.report.BenchReport;
import dev.spillway.bench.report.MarkdownReport;
import dev.spillway.bench.report.WrittenReport;
import dev.spillway.bench.throughput.StorageThroughput;
import dev.spillway.bench.throughput.ThroughputProbe;
import dev.spillway.bench.worker.ChildJvm;
import java.io.IOException;
import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The out-of-core suite's main class: Spillway against DuckDB on queries whose state is several times the
 * memory limit both are given, each engine in its own worker JVM (see the {@code dev.spillway.bench}
 * package description). Exit codes as {@link BenchmarkLauncher} describes them.
 *
 * <p>Order of a run: generate the missing tables; measure the disk and the spill path in the spill folder;
 * read the tables once so both engines find them in the page cache; run the queries side by side; write the
 * report, with the throughput above the table and the queries' texts at the end.
 */
public final class OutOfCoreBenchmark {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OutOfCoreBenchmark() {}

    public static void main(String[] args) {
        BenchmarkLauncher.main("run-out-of-core", OutOfCoreOptionsParser.USAGE, args, OutOfCoreOptionsParser::parse,
                options -> run(options, ChildJvm.likeThisJvm(options.maxHeap()), System.err));
    }

    /** @param log progress and problems, line by line (the table itself is the caller's to print) */
    public static WrittenReport run(OutOfCoreOptions options, ChildJvm jvm, PrintStream log) throws IOException, InterruptedException {
        OutOfCoreDataSet data = new OutOfCoreDataSet(options.dataDirectory(), options.rows(), options.sortRows());
        data.ensureGenerated(options.tables(), jvm, log);
        List<BenchReport.Section> preamble = new ArrayList<>();
        if (options.throughputBytes() > 0) {
            StorageThroughput throughput = ThroughputProbe.measure(jvm, options.tempDirectory(), options.throughputBytes(),
                    options.dropPageCache(), log);
            preamble.add(new BenchReport.Section("Spill throughput on this machine", throughput.describe()));
        }
        data.readIntoPageCache(options.tables());

        RunPolicy policy = new RunPolicy(options.warmupRuns(), options.timedRuns(), options.timeout());
        SideBySideSuite.Setup setup = new SideBySideSuite.Setup(data.tables(options.tables()), options.threads(),
                Optional.of(options.memoryLimit()), options.tempDirectory(), policy);
        List<SideBySideSuite.Query> queries = options.queries().stream()
                .map(query -> new SideBySideSuite.Query(query.name(), query.sql()))
                .toList();
        SideBySideSuite.Result result = SideBySideSuite.run(jvm, setup, queries, log);

        BenchReport report = result.toReport(title(options), settings(options, data, setup, jvm), preamble,
                List.of(new BenchReport.Section("Queries", OutOfCoreReportNotes.describe(options.queries()))));
        String fileName = "out-of-core-t" + options.threads() + "-m" + options.memoryLimit().replaceAll("[^A-Za-z0-9.]", "")
                + "-" + result.started().format(FILE_TIME) + ".md";
        return new WrittenReport(report, MarkdownReport.write(report, options.resultsDirectory(), fileName));
    }

    private static String title(OutOfCoreOptions options) {
        return "Out-of-core: memory_limit " + options.memoryLimit() + ", " + options.threads() + " thread"
                + (options.threads() == 1 ? "" : "s") + ": Spillway vs DuckDB";
    }

    private static List<BenchReport.Setting> settings(OutOfCoreOptions options, OutOfCoreDataSet data, SideBySideSuite.Setup setup,
                                                      ChildJvm jvm) {
        List<BenchReport.Setting> settings = new ArrayList<>();
        settings.add(new BenchReport.Setting("Rows of x (group-by table)", String.format("%,d", options.rows())));
        settings.add(new BenchReport.Setting("Rows of o (sort table)", String.format("%,d", options.sortRows())));
        settings.add(new BenchReport.Setting("Queries", String.join(",", options.queries().stream().map(OutOfCoreQuery::name).toList())));
        for (OutOfCoreTable table : options.tables()) {
            settings.add(new BenchReport.Setting("Data of " + table.viewName(), data.file(table) + " (Parquet written by Spillway)"));
        }
        settings.add(new BenchReport.Setting("Spill folders", "in a scratch folder under " + options.tempDirectory()));
        settings.addAll(SideBySideSuite.commonSettings(setup, jvm));
        return settings;
    }
}
