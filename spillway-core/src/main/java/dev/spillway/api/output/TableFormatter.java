package dev.spillway.api.output;

import dev.spillway.data.ValueFormatter;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** A boxed text table like DuckDB's shell prints: header with types, right-aligned numbers, NULL shown as NULL. */
public final class TableFormatter {
    private static final int MAX_WIDTH = 40;

    private TableFormatter() {}

    public static String format(Schema schema, List<List<Object>> rows, int maxRows) {
        int columns = schema.size();
        List<List<String>> cells = new ArrayList<>();
        int shown = Math.min(rows.size(), maxRows);
        for (int r = 0; r < shown; r++) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                line.add(truncate(ValueFormatter.format(rows.get(r).get(c))));
            }
            cells.add(line);
        }
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = Math.max(display(schema.field(c).name()), display(schema.type(c).toString().toLowerCase(java.util.Locale.ROOT)));
            for (List<String> line : cells) {
                widths[c] = Math.max(widths[c], display(line.get(c)));
            }
        }
        StringBuilder text = new StringBuilder();
        border(text, widths, '┌', '┬', '┐');
        row(text, widths, schema.names(), false);
        List<String> types = schema.types().stream().map(t -> t.toString().toLowerCase(java.util.Locale.ROOT)).toList();
        row(text, widths, types, false);
        border(text, widths, '├', '┼', '┤');
        for (int r = 0; r < cells.size(); r++) {
            List<String> line = cells.get(r);
            StringBuilder out = new StringBuilder("│");
            for (int c = 0; c < columns; c++) {
                boolean right = schema.type(c).isNumeric() && rows.get(r).get(c) != null;
                out.append(' ').append(pad(line.get(c), widths[c], right)).append(" │");
            }
            text.append(out).append('\n');
        }
        if (rows.isEmpty()) {
            int inner = 0;
            for (int width : widths) {
                inner += width + 3;
            }
            text.append("│").append(pad(" 0 rows", Math.max(inner - 1, 7), false)).append("│\n");
        }
        border(text, widths, '└', '┴', '┘');
        if (rows.size() > shown) {
            text.append(rows.size()).append(" rows (").append(shown).append(" shown)\n");
        } else if (!rows.isEmpty()) {
            text.append(rows.size()).append(rows.size() == 1 ? " row\n" : " rows\n");
        }
        return text.toString();
    }

    private static void row(StringBuilder text, int[] widths, List<String> values, boolean right) {
        text.append('│');
        for (int c = 0; c < widths.length; c++) {
            text.append(' ').append(pad(values.get(c), widths[c], right)).append(" │");
        }
        text.append('\n');
    }

    private static void border(StringBuilder text, int[] widths, char left, char middle, char right) {
        text.append(left);
        for (int c = 0; c < widths.length; c++) {
            text.append("─".repeat(widths[c] + 2)).append(c == widths.length - 1 ? right : middle);
        }
        if (widths.length == 0) {
            text.append(right);
        }
        text.append('\n');
    }

    private static String truncate(String value) {
        String oneLine = value.replace('\n', ' ').replace('\r', ' ');
        return oneLine.codePointCount(0, oneLine.length()) > MAX_WIDTH
                ? oneLine.substring(0, oneLine.offsetByCodePoints(0, MAX_WIDTH - 1)) + "…" : oneLine;
    }

    private static int display(String value) {
        return value.codePointCount(0, value.length());
    }

    private static String pad(String value, int width, boolean right) {
        String padding = " ".repeat(Math.max(0, width - display(value)));
        return right ? padding + value : value + padding;
    }
}
