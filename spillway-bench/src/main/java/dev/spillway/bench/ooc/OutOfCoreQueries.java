package dev.spillway.bench.ooc;

import dev.spillway.bench.engine.BenchScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The suite's queries: the ten H2O.ai db-benchmark group-by queries over {@code x}, a large ORDER BY and a
 * COUNT(DISTINCT) over all-distinct keys of {@code o}.
 *
 * <p>Spillway has no {@code median}, {@code corr} or window functions; where an H2O query needs one, the
 * closest form both engines run stands in for it, and {@link OutOfCoreQuery#change} says so in the report.
 *
 * <p>Queries whose result has one row per group of {@code id3}, {@code id6} or all six ids (rows/100 to about
 * rows rows) are wrapped into a checksum ({@link #checksum}): one row with the number of groups and a sum
 * over every output column. Every group is still computed, and, since every aggregate feeds a sum, no
 * engine can leave one out; but the answer stays small, so neither engine's time is spent handing millions
 * of rows to the harness, and the comparison is cheap.
 */
public final class OutOfCoreQueries {
    private static final String SPILLWAY_LACKS = "Spillway has no ";

    public static final List<OutOfCoreQuery> ALL = List.of(
            h2o("q1", "sum v1 by id1 (100 groups)", "SELECT id1, sum(v1) AS v1 FROM x GROUP BY id1"),
            h2o("q2", "sum v1 by id1:id2 (10,000 groups)", "SELECT id1, id2, sum(v1) AS v1 FROM x GROUP BY id1, id2"),
            h2o("q3", "sum v1 mean v3 by id3 (rows/100 groups)",
                    checksum("SELECT id3, sum(v1) AS v1, avg(v3) AS v3 FROM x GROUP BY id3", List.of("id3"), List.of("v1", "v3"))),
            h2o("q4", "mean v1:v3 by id4 (100 groups)", "SELECT id4, avg(v1) AS v1, avg(v2) AS v2, avg(v3) AS v3 FROM x GROUP BY id4"),
            h2o("q5", "sum v1:v3 by id6 (rows/100 groups)",
                    checksum("SELECT id6, sum(v1) AS v1, sum(v2) AS v2, sum(v3) AS v3 FROM x GROUP BY id6",
                            List.of(), List.of("id6", "v1", "v2", "v3"))),
            changed("q6", "median v3 sd v3 by id4 id5 (10,000 groups)",
                    "SELECT id4, id5, stddev_samp(v3) AS sd_v3 FROM x GROUP BY id4, id5",
                    "the original also computes median(v3); " + SPILLWAY_LACKS + "median, so only the standard deviation is left"),
            h2o("q7", "max v1 - min v2 by id3 (rows/100 groups)",
                    checksum("SELECT id3, max(v1) - min(v2) AS range_v1_v2 FROM x GROUP BY id3", List.of("id3"), List.of("range_v1_v2"))),
            changed("q8", "largest two v3 by id6 (rows/100 groups)",
                    checksum("SELECT id6, max(v3) AS largest_v3, min(v3) AS smallest_v3 FROM x GROUP BY id6",
                            List.of(), List.of("id6", "largest_v3", "smallest_v3")),
                    "the original keeps the two largest v3 of each id6 with row_number() OVER (PARTITION BY id6 ORDER BY v3 DESC); "
                            + SPILLWAY_LACKS + "window functions, so max and min of v3 per id6 stand in"),
            changed("q9", "regression v1 v2 by id2 id4 (10,000 groups)",
                    "SELECT id2, id4, var_samp(v1) AS var_v1, var_samp(v2) AS var_v2 FROM x GROUP BY id2, id4",
                    "the original computes pow(corr(v1, v2), 2); " + SPILLWAY_LACKS + "corr, so the variances of v1 and v2 stand in"),
            h2o("q10", "sum v3 count by id1:id6 (about rows groups)",
                    checksum("SELECT id1, id2, id3, id4, id5, id6, sum(v3) AS v3, count(*) AS row_count FROM x "
                                    + "GROUP BY id1, id2, id3, id4, id5, id6",
                            List.of("id1", "id2", "id3"), List.of("id4", "id5", "id6", "v3", "row_count"))),
            new OutOfCoreQuery("order_by", OutOfCoreTable.O, "all of o sorted by k, id and written to a Parquet file, which is then summarized",
                    orderByScript(), Optional.empty()),
            new OutOfCoreQuery("count_distinct", OutOfCoreTable.O, "COUNT(DISTINCT) over keys that are all distinct",
                    "SELECT count(DISTINCT id) AS distinct_ids, count(*) AS row_count FROM o", Optional.empty()));

    private OutOfCoreQueries() {}

    public static List<String> names() {
        return ALL.stream().map(OutOfCoreQuery::name).toList();
    }

    /** @throws IllegalArgumentException naming the queries there are */
    public static OutOfCoreQuery byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(query -> query.name().equals(wanted)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no query '" + name.trim() + "'; the queries are " + String.join(", ", names())));
    }

    /**
     * {@code SELECT count(*) AS group_count, sum(length(t)) AS t_length, ..., sum(n) AS n_sum, ... FROM (inner)}:
     * every column of {@code inner} summed, text columns by their lengths.
     */
    static String checksum(String inner, List<String> textColumns, List<String> numberColumns) {
        List<String> sums = new ArrayList<>();
        sums.add("count(*) AS group_count");
        textColumns.forEach(column -> sums.add("sum(length(" + column + ")) AS " + column + "_length"));
        numberColumns.forEach(column -> sums.add("sum(" + column + ") AS " + column + "_sum"));
        return "SELECT " + String.join(", ", sums) + " FROM (" + inner + ")";
    }

    /**
     * The sort is timed as a whole: sorting all of o and writing it out (a sort whose result is only counted
     * could be skipped), then reading the file back for a summary that checks it: every row is there (count
     * and sums) and the first rows are the ones with the smallest keys. A LIMIT without ORDER BY takes the
     * file's first rows in both engines, which keep file order by default ({@code preserve_insertion_order}).
     */
    private static String orderByScript() {
        String output = "read_parquet('" + BenchScript.OUTPUT + "')";
        return "COPY (SELECT * FROM o ORDER BY k, id) TO '" + BenchScript.OUTPUT + "' (FORMAT parquet)\n"
                + BenchScript.SEPARATOR + "\n"
                + "SELECT count(*) AS row_count, sum(id) AS id_sum, min(k) AS min_k, max(k) AS max_k, sum(d) AS d_sum,\n"
                + "  sum(length(s)) AS s_length,\n"
                + "  (SELECT sum(id) FROM (SELECT id FROM " + output + " LIMIT 1000)) AS first_1000_id_sum\n"
                + "FROM " + output;
    }

    private static OutOfCoreQuery h2o(String name, String summary, String sql) {
        return new OutOfCoreQuery(name, OutOfCoreTable.X, summary, sql, Optional.empty());
    }

    private static OutOfCoreQuery changed(String name, String summary, String sql, String change) {
        return new OutOfCoreQuery(name, OutOfCoreTable.X, summary, sql, Optional.of(change));
    }
}
