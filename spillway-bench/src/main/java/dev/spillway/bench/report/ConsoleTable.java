package dev.spillway.bench.report;

import java.util.List;

/**
 * The results as an aligned plain-text table with the geometric mean under it, for the terminal, after the
 * suite's preamble (its own measurements); the notes are left to the Markdown report.
 */
public final class ConsoleTable {
    private ConsoleTable() {}

    public static String render(BenchReport report) {
        List<String> header = ResultTable.header(report);
        List<List<String>> rows = ResultTable.rows(report);
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(report.title()).append('\n').append('\n');
        for (BenchReport.Section section : report.preamble()) {
            out.append(section.title()).append(":\n");
            for (String line : section.lines()) {
                out.append("  ").append(line).append('\n');
            }
            out.append('\n');
        }
        appendLine(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.append(rule).append('\n');
        for (List<String> row : rows) {
            appendLine(out, row, widths);
        }
        out.append('\n').append(ResultTable.geometricMeanLine(report)).append('\n');
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(ResultTable.isNumeric(c) ? padding + cell : cell + padding);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
