package dev.spillway.bench.tpch;

import dev.spillway.bench.harness.RunPolicy;
import dev.spillway.bench.harness.SideBySideSuite;
import dev.spillway.bench.launch.BenchmarkLauncher;
import dev.spillway.bench.report.BenchReport;
import dev.spillway.bench.report.MarkdownReport;
import dev.spillway.bench.report.WrittenReport;
import dev.spillway.bench.worker.ChildJvm;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The TPC-H benchmark's main class: Spillway against DuckDB on the same Parquet files, each engine in
 * its own worker JVM (see the {@code dev.spillway.bench} package description for the whole picture).
 * Exit codes as {@link BenchmarkLauncher} describes them.
 */
public final class TpchBenchmark {
    static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private TpchBenchmark() {}

    public static void main(String[] args) {
        BenchmarkLauncher.main("run-tpch", TpchOptionsParser.USAGE, args, TpchOptionsParser::parse,
                options -> run(options, ChildJvm.likeThisJvm(options.maxHeap()), System.err));
    }

    /**
     * Generates the data if needed, runs every query side by side, writes the Markdown report.
     *
     * @param log progress and problems, line by line (the table itself is the caller's to print)
     */
    public static WrittenReport run(TpchOptions options, ChildJvm jvm, PrintStream log) throws IOException, InterruptedException {
        TpchDataSet data = new TpchDataSet(options.dataDirectory(), options.scaleFactor());
        data.ensureGenerated(jvm, log);
        RunPolicy policy = new RunPolicy(options.warmupRuns(), options.timedRuns(), options.timeout());
        SideBySideSuite.Setup setup = new SideBySideSuite.Setup(data.tables(), options.threads(), options.memoryLimit(),
                Path.of(System.getProperty("java.io.tmpdir")), policy);
        List<SideBySideSuite.Query> queries = options.queries().stream()
                .map(query -> new SideBySideSuite.Query(TpchQueries.name(query), TpchQueries.sql(query)))
                .toList();
        SideBySideSuite.Result result = SideBySideSuite.run(jvm, setup, queries, log);
        BenchReport report = result.toReport(title(options), settings(options, setup, jvm), List.of(), List.of());
        String fileName = "tpch-sf" + options.scaleFactorText() + "-t" + options.threads() + "-" + result.started().format(FILE_TIME) + ".md";
        return new WrittenReport(report, MarkdownReport.write(report, options.resultsDirectory(), fileName));
    }

    private static String title(TpchOptions options) {
        return "TPC-H SF " + options.scaleFactorText() + ", " + options.threads() + " thread" + (options.threads() == 1 ? "" : "s")
                + ": Spillway vs DuckDB";
    }

    private static List<BenchReport.Setting> settings(TpchOptions options, SideBySideSuite.Setup setup, ChildJvm jvm) {
        List<BenchReport.Setting> settings = new ArrayList<>(List.of(
                new BenchReport.Setting("Scale factor", options.scaleFactorText()),
                new BenchReport.Setting("Queries", String.join(",", options.queries().stream().map(TpchQueries::name).toList())),
                new BenchReport.Setting("Data", options.dataDirectory() + " (Parquet written by Spillway's TPC-H generator)")));
        settings.addAll(SideBySideSuite.commonSettings(setup, jvm));
        return settings;
    }
}
