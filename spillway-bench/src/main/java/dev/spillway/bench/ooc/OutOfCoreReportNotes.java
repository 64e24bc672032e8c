package dev.spillway.bench.ooc;

import java.util.ArrayList;
import java.util.List;

/** The report's account of each query: what it computes, how it differs from the original, and its SQL. */
final class OutOfCoreReportNotes {
    private OutOfCoreReportNotes() {}

    static List<String> describe(List<OutOfCoreQuery> queries) {
        List<String> lines = new ArrayList<>();
        for (OutOfCoreQuery query : queries) {
            StringBuilder line = new StringBuilder("**").append(query.name()).append("** (").append(query.table().viewName()).append("): ")
                    .append(query.summary()).append('.');
            query.change().ifPresent(change -> line.append(" Changed from the H2O benchmark: ").append(change).append('.'));
            line.append(" `").append(oneLine(query.sql())).append('`');
            lines.add(line.toString());
        }
        lines.add("Queries whose SQL starts with SELECT count(*) AS group_count are checksums over a grouping with rows/100 to rows "
                + "groups: every group is computed and every output column summed (text columns: their lengths), but only one row is "
                + "returned. A ; line separates the statements of a script; {output} is a file in the engine's own scratch folder, "
                + "deleted after the run.");
        return lines;
    }

    /** SQL on one line, for a bullet: line breaks and indentation become single spaces. */
    static String oneLine(String sql) {
        return sql.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
