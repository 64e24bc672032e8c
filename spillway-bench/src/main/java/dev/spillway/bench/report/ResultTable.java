package dev.spillway.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The cells of the results table, shared by the console and Markdown renderings so that both always
 * show the same columns with the same numbers.
 */
final class ResultTable {
    private ResultTable() {}

    static List<String> header(BenchReport report) {
        String subject = report.subject().engine().displayName();
        String reference = report.reference().engine().displayName();
        return List.of("Query", "Status",
                subject + " median ms", subject + " min ms",
                reference + " median ms", reference + " min ms",
                "Ratio " + subject + "/" + reference,
                subject + " peak RSS MiB (at start)", reference + " peak RSS MiB (at start)",
                subject + " peak temp MiB", reference + " peak temp MiB");
    }

    /** Which columns hold numbers, to right-align them. */
    static boolean isNumeric(int column) {
        return column >= 2;
    }

    static List<List<String>> rows(BenchReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (QueryOutcome outcome : report.outcomes()) {
            rows.add(List.of(outcome.query(), outcome.status().name(),
                    millis(outcome.subject().medianMillis(), outcome.subject()), millis(outcome.subject().minMillis(), outcome.subject()),
                    millis(outcome.reference().medianMillis(), outcome.reference()), millis(outcome.reference().minMillis(), outcome.reference()),
                    ratio(outcome.ratio()),
                    rss(outcome.subject()), rss(outcome.reference()),
                    temp(outcome.subject()), temp(outcome.reference())));
        }
        return rows;
    }

    /** The summary line under the table. */
    static String geometricMeanLine(BenchReport report) {
        OptionalDouble mean = report.geometricMeanRatio();
        String subject = report.subject().engine().displayName();
        String reference = report.reference().engine().displayName();
        if (mean.isEmpty()) {
            return "Geometric mean of " + subject + "/" + reference + " ratios: none (no query was OK in both engines)";
        }
        return String.format(Locale.ROOT, "Geometric mean of %s/%s ratios: %.2f over %d of %d queries (OK queries only)",
                subject, reference, mean.getAsDouble(), report.ratioCount(), report.outcomes().size());
    }

    static String millis(OptionalDouble value, EngineResult result) {
        if (value.isEmpty()) {
            return switch (result.status()) {
                case TIMEOUT -> "timeout";
                case ERROR -> "error";
                case COMPLETED -> "-";
            };
        }
        double ms = value.getAsDouble();
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : ms < 1000 ? "%.1f" : "%.0f", ms);
    }

    static String ratio(OptionalDouble ratio) {
        return ratio.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", ratio.getAsDouble());
    }

    /**
     * {@code 2048}: the most bytes of temporary files seen during the run; {@code 2048 (300)} when files
     * were already there at its start (left by an earlier query), whose size is in brackets.
     */
    static String temp(EngineResult result) {
        OptionalLong peak = result.peakTempMiB();
        if (peak.isEmpty()) {
            return "-";
        }
        OptionalLong start = result.startTempMiB();
        return peak.getAsLong() + (start.isEmpty() || start.getAsLong() == 0 ? "" : " (" + start.getAsLong() + ")");
    }

    /** {@code 812 (95)}: the peak, and in brackets the RSS the run started from. */
    static String rss(EngineResult result) {
        OptionalLong peak = result.peakRssMiB();
        if (peak.isEmpty()) {
            return "-";
        }
        OptionalLong start = result.startRssMiB();
        return peak.getAsLong() + (start.isEmpty() ? "" : " (" + start.getAsLong() + ")");
    }
}
