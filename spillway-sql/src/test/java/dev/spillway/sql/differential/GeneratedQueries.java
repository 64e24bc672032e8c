package dev.spillway.sql.differential;

import dev.spillway.sql.testing.KnownBug;
import java.util.ArrayList;
import java.util.List;

/**
 * Query families generated from the random tables' columns, so that every feature meets every type: scans,
 * filters with comparisons, BETWEEN and IN, casts to text, CASE and COALESCE, every aggregate, GROUP BY,
 * DISTINCT, sorts with NULLs first and last, top-N, LIMIT/OFFSET and UNION ALL per column; arithmetic and
 * functions per numeric, string, date and timestamp column; and every join kind on a key of each type, with
 * NULL and duplicate keys. Each family also runs on the empty and the one-row table, and the double families
 * on a table with NaN and infinities.
 */
final class GeneratedQueries {
    /** A column of {@code t} with two literals of its type for filters. */
    private record Column(String name, Kind kind, String low, String high) {}

    private enum Kind { INTEGRAL, DOUBLE, DECIMAL, STRING, DATE, TIMESTAMP, BOOLEAN }

    private static final List<Column> COLUMNS = List.of(
            new Column("id", Kind.INTEGRAL, "100", "2000"),
            new Column("k", Kind.INTEGRAL, "0", "50"),
            new Column("i", Kind.INTEGRAL, "-5", "1000"),
            new Column("b", Kind.INTEGRAL, "0", "3000000000"),
            new Column("d", Kind.DOUBLE, "-0.5", "1000.25"),
            new Column("dec4", Kind.DECIMAL, "-1.5", "20.0"),
            new Column("dec18", Kind.DECIMAL, "0.000", "123456789.123"),
            new Column("dec38", Kind.DECIMAL, "-1.5", "99999999999.0000000001"),
            new Column("s", Kind.STRING, "'a'", "'w2'"),
            new Column("dt", Kind.DATE, "DATE '1970-01-01'", "DATE '2000-02-29'"),
            new Column("ts", Kind.TIMESTAMP, "TIMESTAMP '1970-01-01 00:00:00'", "TIMESTAMP '2050-06-15 12:30:00'"),
            new Column("flag", Kind.BOOLEAN, "false", "true"));

    private static final List<String> TABLES = List.of("t", "empty_t", "one_t");

    /** Join keys shared by {@code t} and {@code u}. */
    private static final List<String> JOIN_KEYS = List.of("k", "s", "dt", "b", "dec4");

    private final List<DifferentialQuery> queries = new ArrayList<>();

    private GeneratedQueries() {}

    static List<DifferentialQuery> all() {
        GeneratedQueries generated = new GeneratedQueries();
        for (String table : TABLES) {
            for (Column column : COLUMNS) {
                generated.everyType(table, column);
                switch (column.kind()) {
                    case INTEGRAL, DOUBLE, DECIMAL -> generated.numeric(table, column);
                    case STRING -> generated.string(table, column);
                    case DATE, TIMESTAMP -> generated.temporal(table, column);
                    case BOOLEAN -> generated.bool(table, column);
                }
            }
        }
        Column d = COLUMNS.stream().filter(column -> column.name().equals("d")).findFirst().orElseThrow();
        generated.everyType("special_t", d);
        generated.numeric("special_t", d);
        generated.numericPairs();
        for (String table : TABLES) {
            for (String key : JOIN_KEYS) {
                generated.joins(table, key);
            }
        }
        generated.multiColumn();
        return generated.queries;
    }

    private void add(String family, String sql) {
        queries.add(DifferentialQuery.of(family, sql));
    }

    private void everyType(String table, Column column) {
        String c = column.name();
        String name = table + "." + c + ": ";
        // The tie breaker of sorts: id, or k when the column is id itself (SELECT id, id ... ORDER BY id is ambiguous).
        String other = c.equals("id") ? "k" : "id";
        add(name + "scan", "SELECT id, " + c + " FROM " + table);
        add(name + "counts", "SELECT count(*), count(" + c + "), count(DISTINCT " + c + ") FROM " + table);
        add(name + "min max", "SELECT min(" + c + "), max(" + c + ") FROM " + table);
        add(name + "group by", "SELECT " + c + ", count(*) AS n FROM " + table + " GROUP BY " + c);
        add(name + "group by all", "SELECT " + c + ", min(id) AS first_id, max(id) AS last_id FROM " + table + " GROUP BY ALL");
        add(name + "having", "SELECT " + c + ", count(*) AS n FROM " + table + " GROUP BY " + c + " HAVING count(*) > 1");
        add(name + "distinct", "SELECT DISTINCT " + c + " FROM " + table);
        add(name + "is null", "SELECT id FROM " + table + " WHERE " + c + " IS NULL");
        add(name + "is not null", "SELECT id FROM " + table + " WHERE " + c + " IS NOT NULL");
        add(name + "sort nulls first", "SELECT " + c + ", " + other + " FROM " + table + " ORDER BY " + c + " NULLS FIRST, " + other);
        add(name + "sort desc", "SELECT " + c + ", " + other + " FROM " + table + " ORDER BY " + c + " DESC, " + other + " DESC");
        add(name + "sort by position", "SELECT " + other + ", " + c + " FROM " + table + " ORDER BY 2 DESC NULLS FIRST, 1");
        add(name + "top-n", "SELECT " + other + ", " + c + " FROM " + table + " ORDER BY " + c + " DESC NULLS LAST, " + other + " LIMIT 7");
        add(name + "limit offset", "SELECT " + other + ", " + c + " FROM " + table + " ORDER BY " + c + ", " + other + " LIMIT 5 OFFSET 100");
        add(name + "offset", "SELECT " + other + ", " + c + " FROM " + table + " ORDER BY id OFFSET 3990");
        add(name + "equals", "SELECT id FROM " + table + " WHERE " + c + " = " + column.low());
        add(name + "not equals", "SELECT id FROM " + table + " WHERE " + c + " <> " + column.low());
        add(name + "less than", "SELECT id FROM " + table + " WHERE " + c + " < " + column.high());
        add(name + "greater or equal", "SELECT id FROM " + table + " WHERE " + c + " >= " + column.low());
        add(name + "between", "SELECT id FROM " + table + " WHERE " + c + " BETWEEN " + column.low() + " AND " + column.high());
        add(name + "not between", "SELECT id FROM " + table + " WHERE " + c + " NOT BETWEEN " + column.low() + " AND " + column.high());
        add(name + "in list", "SELECT id FROM " + table + " WHERE " + c + " IN (" + column.low() + ", " + column.high() + ")");
        add(name + "not in list", "SELECT id FROM " + table + " WHERE " + c + " NOT IN (" + column.low() + ", " + column.high() + ")");
        DifferentialQuery distinctFrom = DifferentialQuery.of(name + "distinct from",
                "SELECT id, " + c + " IS DISTINCT FROM " + column.low() + " AS differs FROM " + table);
        queries.add(column.kind() == Kind.STRING ? distinctFrom.withKnownBug(KnownBug.DISTINCT_FROM_STRING_LITERAL) : distinctFrom);
        add(name + "comparison value", "SELECT id, " + c + " < " + column.high() + " AS below FROM " + table);
        add(name + "case", "SELECT id, CASE WHEN " + c + " IS NULL THEN 'none' WHEN " + c + " > " + column.low()
                + " THEN 'high' ELSE 'low' END AS bucket FROM " + table);
        add(name + "coalesce", "SELECT id, coalesce(" + c + ", " + column.high() + ") AS filled FROM " + table);
        add(name + "cast to varchar", "SELECT id, CAST(" + c + " AS VARCHAR) AS text FROM " + table);
        add(name + "union all", "SELECT " + c + " FROM " + table + " UNION ALL SELECT " + c + " FROM one_t");
        add(name + "union all ordered", "SELECT " + c + ", " + other + " FROM " + table + " UNION ALL SELECT " + c + ", " + other + " FROM one_t ORDER BY 1 NULLS FIRST, 2");
        add(name + "self join", "SELECT a.id, b.id FROM " + table + " a JOIN " + table + " b ON a." + c + " = b." + c + " WHERE a.id < 300 AND b.id < 300");
        add(name + "in sub-query", "SELECT id FROM " + table + " WHERE " + c + " IN (SELECT " + c + " FROM one_t)");
        add(name + "not in sub-query", "SELECT id FROM " + table + " WHERE " + c + " NOT IN (SELECT " + c + " FROM " + table + " WHERE id < 10)");
        add(name + "grouped min max", "SELECT k, min(" + c + "), max(" + c + "), count(" + c + ") FROM " + table + " GROUP BY k");
    }

    private void numeric(String table, Column column) {
        String c = column.name();
        String name = table + "." + c + ": ";
        add(name + "sum avg", "SELECT sum(" + c + "), avg(" + c + ") FROM " + table);
        add(name + "variance", "SELECT stddev_samp(" + c + "), stddev_pop(" + c + "), var_samp(" + c + "), var_pop(" + c + ") FROM " + table);
        add(name + "grouped sums", "SELECT k, sum(" + c + "), avg(" + c + ") FROM " + table + " GROUP BY k");
        add(name + "grouped variance", "SELECT flag, stddev_samp(" + c + "), var_pop(" + c + ") FROM " + table + " GROUP BY flag");
        add(name + "sum distinct", "SELECT sum(DISTINCT " + c + "), count(DISTINCT " + c + ") FROM " + table);
        add(name + "arithmetic", "SELECT id, " + c + " + 1 AS plus, " + c + " - 2 AS less, " + c + " * 3 AS times, -" + c + " AS negated FROM " + table);
        add(name + "division", "SELECT id, " + c + " / 4 AS quarter FROM " + table);
        add(name + "abs sign", "SELECT id, abs(" + c + ") AS magnitude, sign(" + c + ") AS sign FROM " + table);
        add(name + "cast to double", "SELECT id, CAST(" + c + " AS DOUBLE) AS x FROM " + table);
        add(name + "cast to decimal", "SELECT id, CAST(" + c + " AS DECIMAL(38,4)) AS x FROM " + table
                + (column.kind() == Kind.DOUBLE ? " WHERE abs(d) < 1e30" : ""));
        add(name + "sum of expression", "SELECT sum(" + c + " * 2) AS doubled, sum(CASE WHEN flag THEN " + c + " ELSE 0 END) AS flagged FROM " + table);
        if (column.kind() != Kind.INTEGRAL) {
            add(name + "rounding", "SELECT id, round(" + c + ", 1) AS r1, round(" + c + ") AS r0, floor(" + c + ") AS fl, ceil(" + c + ") AS ce FROM " + table);
        } else {
            add(name + "modulo", "SELECT id, " + c + " % 7 AS m FROM " + table);
            add(name + "cast to integer types", "SELECT id, CAST(" + c + " AS BIGINT) AS big FROM " + table);
        }
    }

    private void string(String table, Column column) {
        String s = column.name();
        String name = table + "." + s + ": ";
        add(name + "case and length", "SELECT id, upper(" + s + ") AS u, lower(" + s + ") AS l, length(" + s + ") AS n FROM " + table);
        add(name + "substring", "SELECT id, substring(" + s + ", 2, 3) AS part, substring(" + s + ", 4) AS tail FROM " + table);
        add(name + "concat", "SELECT id, " + s + " || '|' AS piped, concat(" + s + ", '-', id) AS joined FROM " + table);
        add(name + "trim", "SELECT id, trim(" + s + ") AS t, ltrim(" + s + ") AS l, rtrim(" + s + ") AS r FROM " + table);
        add(name + "like prefix", "SELECT id FROM " + table + " WHERE " + s + " LIKE 'a%'");
        add(name + "like infix", "SELECT id FROM " + table + " WHERE " + s + " LIKE '%a%'");
        add(name + "like single", "SELECT id FROM " + table + " WHERE " + s + " LIKE '_'");
        add(name + "not like", "SELECT id FROM " + table + " WHERE " + s + " NOT LIKE '%e%'");
        add(name + "like escape", "SELECT id FROM " + table + " WHERE " + s + " LIKE '%\\%%' ESCAPE '\\'");
        add(name + "starts with contains", "SELECT id, starts_with(" + s + ", 'a') AS sw, contains(" + s + ", 'an') AS c FROM " + table);
        add(name + "replace", "SELECT id, replace(" + s + ", 'a', 'XY') AS r FROM " + table);
        add(name + "cast to integer", "SELECT id, CAST(" + s + " AS INTEGER) AS n FROM " + table + " WHERE " + s + " IN ('1', ' 2 ', '-3')");
    }

    private void temporal(String table, Column column) {
        String c = column.name();
        String name = table + "." + c + ": ";
        add(name + "extract", "SELECT id, extract(year FROM " + c + ") AS y, extract(month FROM " + c + ") AS m, extract(day FROM " + c
                + ") AS d, extract(dow FROM " + c + ") AS dow, extract(doy FROM " + c + ") AS doy, extract(quarter FROM " + c + ") AS q FROM " + table);
        add(name + "plus interval", "SELECT id, " + c + " + INTERVAL 1 MONTH AS next_month, " + c + " - INTERVAL 10 DAY AS before FROM " + table);
        add(name + "plus years", "SELECT id, " + c + " + INTERVAL '3' YEAR AS later FROM " + table);
        add(name + "grouped by year", "SELECT extract(year FROM " + c + ") AS y, count(*) AS n FROM " + table + " GROUP BY y");
        add(name + "cast to date and timestamp", "SELECT id, CAST(" + c + " AS DATE) AS day, CAST(" + c + " AS TIMESTAMP) AS moment FROM " + table);
        if (column.kind() == Kind.TIMESTAMP) {
            add(name + "extract time", "SELECT id, extract(hour FROM ts) AS h, extract(minute FROM ts) AS mi, extract(second FROM ts) AS s FROM " + table);
            add(name + "plus hours", "SELECT id, ts + INTERVAL 36 HOUR AS later FROM " + table);
            add(name + "compare with date", "SELECT id FROM " + table + " WHERE ts >= dt");
        }
    }

    private void bool(String table, Column column) {
        String f = column.name();
        String name = table + "." + f + ": ";
        add(name + "logic", "SELECT id, " + f + " AND i > 0 AS a, " + f + " OR i > 0 AS o, NOT " + f + " AS n FROM " + table);
        add(name + "aggregates", "SELECT bool_and(" + f + "), bool_or(" + f + "), count(*) FILTER (WHERE " + f + ") FROM " + table);
        add(name + "grouped aggregates", "SELECT k, bool_and(" + f + "), bool_or(" + f + ") FROM " + table + " GROUP BY k");
        add(name + "where", "SELECT id FROM " + table + " WHERE " + f);
        add(name + "where not", "SELECT id FROM " + table + " WHERE NOT " + f);
        add(name + "is true", "SELECT id, " + f + " IS TRUE AS yes, " + f + " IS NOT FALSE AS maybe FROM " + table);
    }

    private void numericPairs() {
        String[][] pairs = {{"i", "b"}, {"i", "d"}, {"i", "dec4"}, {"b", "dec18"}, {"d", "dec18"}, {"dec4", "dec18"}, {"dec18", "dec38"},
            {"i", "dec38"}, {"k", "i"}};
        for (String[] pair : pairs) {
            String a = pair[0];
            String b = pair[1];
            String name = "t." + a + " with " + b + ": ";
            add(name + "arithmetic", "SELECT id, " + a + " + " + b + " AS plus, " + a + " - " + b + " AS difference, " + a + " / " + b + " AS ratio FROM t");
            add(name + "comparison", "SELECT id, " + a + " < " + b + " AS lt, " + a + " = " + b + " AS eq FROM t");
            add(name + "filter", "SELECT id FROM t WHERE " + a + " > " + b);
            add(name + "coalesce", "SELECT id, coalesce(" + a + ", " + b + ") AS c FROM t");
            add(name + "case", "SELECT id, CASE WHEN flag THEN " + a + " ELSE " + b + " END AS chosen FROM t");
        }
        add("t.i with dec4: product", "SELECT id, i * dec4 AS p FROM t");
        add("t.dec4 with dec18: product", "SELECT id, dec4 * dec18 AS p FROM t");
        add("t.d with i: product", "SELECT id, d * i AS p FROM t");
    }

    private void joins(String table, String key) {
        String name = table + " join u on " + key + ": ";
        String on = " ON " + table + "." + key + " = u." + key;
        add(name + "inner", "SELECT " + table + ".id, u.uid FROM " + table + " JOIN u" + on);
        add(name + "left", "SELECT " + table + ".id, u.uid FROM " + table + " LEFT JOIN u" + on);
        add(name + "right", "SELECT " + table + ".id, u.uid FROM " + table + " RIGHT JOIN u" + on);
        add(name + "full", "SELECT " + table + ".id, u.uid FROM " + table + " FULL OUTER JOIN u" + on);
        add(name + "semi (in)", "SELECT id FROM " + table + " WHERE " + key + " IN (SELECT " + key + " FROM u)");
        add(name + "anti (not in, NULL keys on the right)", "SELECT id FROM " + table + " WHERE " + key + " NOT IN (SELECT " + key + " FROM u)");
        add(name + "anti (not in)", "SELECT id FROM " + table + " WHERE " + key + " NOT IN (SELECT " + key + " FROM u WHERE " + key + " IS NOT NULL)");
        add(name + "semi (exists)", "SELECT id FROM " + table + " x WHERE EXISTS (SELECT 1 FROM u WHERE u." + key + " = x." + key + ")");
        add(name + "anti (not exists)", "SELECT id FROM " + table + " x WHERE NOT EXISTS (SELECT 1 FROM u WHERE u." + key + " = x." + key + ")");
        add(name + "inner with columns", "SELECT " + table + ".id, " + table + "." + key + ", u.label, u.w FROM " + table + " JOIN u" + on
                + " WHERE u.uid < 100");
        add(name + "left, unmatched", "SELECT " + table + ".id FROM " + table + " LEFT JOIN u" + on + " WHERE u.uid IS NULL");
        add(name + "aggregate", "SELECT u.label, count(*) AS n, sum(" + table + ".i) AS total FROM " + table + " JOIN u" + on + " GROUP BY u.label");
        add(name + "reversed", "SELECT u.uid, " + table + ".id FROM u LEFT JOIN " + table + on);
    }

    private void multiColumn() {
        add("t: multi-key join", "SELECT t.id, u.uid FROM t JOIN u ON t.k = u.k AND t.s = u.s");
        add("t: join with residual", "SELECT t.id, u.uid FROM t JOIN u ON t.k = u.k AND t.d > u.w");
        add("t: left join with residual", "SELECT t.id, u.uid FROM t LEFT JOIN u ON t.k = u.k AND u.w > 0");
        add("t: full join with residual", "SELECT t.id, u.uid FROM t FULL JOIN u ON t.k = u.k AND t.i > 0");
        add("t: non-equi join", "SELECT t.id, u.uid FROM t JOIN u ON t.i < u.k WHERE t.id < 50");
        add("t: cross join", "SELECT o.id, u.uid FROM one_t o CROSS JOIN u");
        add("t: cross join count", "SELECT count(*) FROM t, u WHERE t.id < 100");
        add("t: three tables", "SELECT t.id, u.uid, o.id FROM t JOIN u ON t.k = u.k JOIN one_t o ON u.s = o.s");
        add("t: multi-key sort", "SELECT id, s, d, dt FROM t ORDER BY s, d DESC NULLS FIRST, id");
        add("t: multi-key sort 2", "SELECT id, dt, dec18, flag FROM t ORDER BY dt DESC, dec18, flag NULLS FIRST, id");
        add("t: multi-key top-n", "SELECT id, k, ts FROM t ORDER BY k NULLS FIRST, ts DESC, id LIMIT 20");
        add("t: multi-key group", "SELECT k, flag, count(*), sum(d), min(s), max(dt) FROM t GROUP BY k, flag");
        add("t: group by expression", "SELECT i % 10 AS bucket, count(*), avg(d) FROM t GROUP BY i % 10");
        add("t: distinct pairs", "SELECT DISTINCT k, flag FROM t");
        add("t: distinct strings and dates", "SELECT DISTINCT s, dt FROM t");
        add("t: count distinct per group", "SELECT k, count(DISTINCT s) FROM t GROUP BY k");
        add("t: union all of both tables", "SELECT k, s FROM t UNION ALL SELECT k, s FROM u");
        add("t: union (distinct)", "SELECT k, s FROM t UNION SELECT k, s FROM u");
        add("t: scalar sub-query", "SELECT id FROM t WHERE d > (SELECT avg(d) FROM t)");
        add("t: correlated scalar sub-query", "SELECT id FROM t WHERE d > (SELECT avg(w) FROM u WHERE u.k = t.k)");
        add("t: cte", "WITH hot AS (SELECT k, count(*) AS n FROM t GROUP BY k HAVING count(*) > 20) SELECT t.id FROM t JOIN hot ON t.k = hot.k");
        add("t: derived table", "SELECT bucket, count(*) FROM (SELECT id, i % 5 AS bucket FROM t WHERE i IS NOT NULL) q GROUP BY bucket");
        add("t: limit without order", "SELECT count(*) FROM (SELECT * FROM t LIMIT 1234) q");
        add("t: filtered aggregate", "SELECT k, sum(d) FILTER (WHERE flag), count(*) FILTER (WHERE s IS NULL) FROM t GROUP BY k");
    }
}
