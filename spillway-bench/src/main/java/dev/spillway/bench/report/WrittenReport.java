package dev.spillway.bench.report;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** A finished suite's report and the Markdown file it was written to. */
public record WrittenReport(BenchReport report, Path markdownFile) {
    public WrittenReport {
        requireNonNull(report, "report is null");
        requireNonNull(markdownFile, "markdownFile is null");
    }
}
