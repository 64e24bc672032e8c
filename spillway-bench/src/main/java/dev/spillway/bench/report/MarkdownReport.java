package dev.spillway.bench.report;

import dev.spillway.bench.tempfiles.TempSpaceSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The results as a Markdown document for {@code bench/results/}: the suite's preamble, the table, then the
 * machine, engines and settings needed to judge it, the suite's notes, and every problem in full.
 */
public final class MarkdownReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private MarkdownReport() {}

    public static String render(BenchReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(report.title()).append("\n\n");
        out.append("Run from ").append(report.started().format(TIME)).append(" to ").append(report.finished().format(TIME)).append(".\n\n");
        for (BenchReport.Section section : report.preamble()) {
            section(out, section);
            out.append('\n');
        }
        if (!report.preamble().isEmpty()) {
            out.append("## Results\n\n"); // so the table is not read as part of the last preamble section
        }
        table(out, ResultTable.header(report), ResultTable.rows(report));
        out.append('\n').append(ResultTable.geometricMeanLine(report)).append(".\n");
        out.append("Times are wall-clock milliseconds of the timed runs (warm-up runs excluded). Peak RSS is the largest ")
                .append("over the timed runs, of the engine's whole worker process (JVM included); in brackets, the RSS that run ")
                .append("started from, which is more than the idle RSS when earlier queries left memory behind. ")
                .append("Peak temp is the largest total size of the files in the engine's temp_directory (its spill files), ")
                .append("sampled every ").append(Durations.format(TempSpaceSampler.DEFAULT_PERIOD)).append(" during the timed runs; ")
                .append("in brackets, if any, what was already there when that run started.\n");

        out.append("\n## Machine\n\n");
        MachineInfo machine = report.machine();
        bullets(out, List.of(
                new BenchReport.Setting("Cores", Integer.toString(machine.cores())),
                new BenchReport.Setting("Memory", mebibytes(machine.memoryBytes()) + " MiB"),
                new BenchReport.Setting("CPU", machine.cpuModel()),
                new BenchReport.Setting("OS", machine.operatingSystem()),
                new BenchReport.Setting("JDK", machine.jdk()),
                new BenchReport.Setting("Load average (1, 5, 15 min) at start", report.loadAtStart()),
                new BenchReport.Setting("Load average (1, 5, 15 min) at end", report.loadAtEnd())));

        out.append("\n## Engines\n\n");
        for (EngineInfo engine : List.of(report.subject(), report.reference())) {
            bullets(out, List.of(new BenchReport.Setting(engine.engine().displayName(), engine.version()
                    + "; idle worker RSS " + (engine.idleRssBytes() < 0 ? "unknown" : mebibytes(engine.idleRssBytes()) + " MiB")
                    + "; peak RSS by " + engine.rssMethod())));
        }

        out.append("\n## Settings\n\n");
        bullets(out, report.settings());

        for (BenchReport.Section section : report.notes()) {
            out.append('\n');
            section(out, section);
        }

        List<QueryOutcome> troubled = report.outcomes().stream().filter(outcome -> !outcome.problems().isEmpty()).toList();
        if (!troubled.isEmpty()) {
            out.append("\n## Problems\n\n");
            for (QueryOutcome outcome : troubled) {
                out.append("- **").append(outcome.query()).append(" ").append(outcome.status()).append("**\n");
                for (String problem : outcome.problems()) {
                    out.append("  - ").append(escape(problem)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * Writes the report next to others in {@code directory} (created if needed), through a temporary file
     * renamed into place, so a run killed half-way leaves no half-written report.
     */
    public static Path write(BenchReport report, Path directory, String fileName) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(fileName);
        Path temporary = directory.resolve(fileName + ".tmp");
        Files.writeString(temporary, render(report));
        return Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void table(StringBuilder out, List<String> header, List<List<String>> rows) {
        row(out, header);
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < header.size(); c++) {
            rule.append(ResultTable.isNumeric(c) ? "---:|" : "---|");
        }
        out.append(rule).append('\n');
        for (List<String> cells : rows) {
            row(out, cells);
        }
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(escape(cell)).append(" |");
        }
        out.append('\n');
    }

    /** {@code ## title}, then one bullet per line. */
    private static void section(StringBuilder out, BenchReport.Section section) {
        out.append("## ").append(section.title()).append("\n\n");
        for (String line : section.lines()) {
            out.append("- ").append(escape(line)).append('\n');
        }
    }

    private static void bullets(StringBuilder out, List<BenchReport.Setting> items) {
        for (BenchReport.Setting item : items) {
            out.append("- ").append(escape(item.name())).append(": ").append(escape(item.value())).append('\n');
        }
    }

    /**
     * Keeps text from breaking a table row or a list item. Nothing else is escaped: the text is paths, flags
     * and messages, and GitHub's Markdown leaves underscores inside words alone.
     */
    static String escape(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static long mebibytes(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }
}
