package dev.spillway.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.errors.SpillwayException;
import dev.spillway.sql.testing.TestCatalog;
import org.junit.jupiter.api.Test;

class DialectRewriterTest {
    private final TestCatalog catalog = new TestCatalog();

    private String rewrite(String sql) {
        TextRewrite rewrite = new TextRewrite(sql);
        DialectRewriter.rewrite(SqlTokenizer.tokenize(sql), rewrite, catalog, new BoundTables());
        return rewrite.text();
    }

    @Test
    void filesInTablePositionBecomeBoundTablesAliasedLikeTheFile() {
        assertThat(rewrite("SELECT * FROM 'data/lineitem.parquet'")).isEqualTo("SELECT * FROM \"$table1\" AS \"lineitem\"");
        assertThat(rewrite("SELECT * FROM 'a.csv' a JOIN 'b.csv' AS b ON a.x = b.x, 'c.csv'"))
                .isEqualTo("SELECT * FROM \"$table1\" a JOIN \"$table2\" AS b ON a.x = b.x, \"$table3\" AS \"c\"");
        assertThat(catalog.calls()).containsExactly("file data/lineitem.parquet", "file a.csv", "file b.csv", "file c.csv");
    }

    @Test
    void stringsElsewhereAreLeftAlone() {
        assertThat(rewrite("SELECT 'x.csv', substring(s FROM 1) FROM t WHERE s = 'FROM'")).isEqualTo("SELECT 'x.csv', substring(s FROM 1) FROM t WHERE s = 'FROM'");
        assertThat(rewrite("SELECT extract(year FROM d), trim(FROM s) FROM t")).isEqualTo("SELECT extract(year FROM d), trim(FROM s) FROM t");
    }

    @Test
    void tableFunctionsGetConstantArgumentsAndNamedOptions() {
        assertThat(rewrite("SELECT * FROM range(10) AS t(i)")).isEqualTo("SELECT * FROM \"$table1\" AS t(i)");
        assertThat(rewrite("FROM read_csv('f.csv', delim=';', header=true, skip := 2)")).isEqualTo("FROM \"$table1\" AS \"read_csv\"");
        assertThat(rewrite("SELECT * FROM read_parquet(['a.parquet', 'b.parquet'], hive_partitioning => false)"))
                .isEqualTo("SELECT * FROM \"$table1\" AS \"read_parquet\"");
        assertThat(rewrite("SELECT * FROM tpch('lineitem', 0.1), range(-2, 5)")).isEqualTo("SELECT * FROM \"$table1\" AS \"tpch\", \"$table2\" AS \"range\"");
        assertThat(catalog.calls()).containsExactly(
                "range[10]{}",
                "read_csv[f.csv]{delim=;, header=true, skip=2}",
                "read_parquet[[a.parquet, b.parquet]]{hive_partitioning=false}",
                "tpch[lineitem, 0.1]{}",
                "range[-2, 5]{}");
    }

    @Test
    void tableFunctionsInSubqueriesAndJoins() {
        assertThat(rewrite("SELECT * FROM (SELECT * FROM range(3)) s JOIN range(4) r ON true WHERE s.range IN (SELECT * FROM range(2))"))
                .isEqualTo("SELECT * FROM (SELECT * FROM \"$table1\" AS \"range\") s JOIN \"$table2\" r ON true WHERE s.\"range\" IN (SELECT * FROM \"$table3\" AS \"range\")");
    }

    @Test
    void tableFunctionArgumentsMustBeConstants() {
        assertThatThrownBy(() -> rewrite("SELECT * FROM range(x + 1)"))
                .isInstanceOf(SpillwayException.class)
                .hasMessage("line 1, column 21: arguments of table function range must be constants (strings, numbers, booleans or [lists]), found 'x'");
    }

    @Test
    void catalogErrorsGetThePositionOfTheTable() {
        assertThatThrownBy(() -> rewrite("SELECT *\nFROM nope(1)"))
                .hasMessage("line 2, column 6: table function nope does not exist");
        assertThatThrownBy(() -> rewrite("SELECT * FROM 'missing.csv'"))
                .hasMessage("line 1, column 15: no files match 'missing.csv'");
    }

    @Test
    void groupByAllAndOrderByAllBecomeMarkers() {
        assertThat(rewrite("SELECT a, sum(b) FROM t GROUP BY ALL ORDER BY ALL DESC"))
                .isEqualTo("SELECT a, sum(b) FROM t GROUP BY \"$group_by_all\" ORDER BY \"$order_by_all\" DESC");
        // The standard set quantifier GROUP BY ALL a stays.
        assertThat(rewrite("SELECT a FROM t GROUP BY ALL a")).isEqualTo("SELECT a FROM t GROUP BY ALL a");
    }

    @Test
    void duckDbIntervalsBecomeCalciteIntervals() {
        assertThat(rewrite("SELECT d + INTERVAL 3 MONTHS, d - INTERVAL '2 days', INTERVAL '1' YEAR, INTERVAL 2 WEEKS, INTERVAL '90' DAY FROM t"))
                .isEqualTo("SELECT d + INTERVAL '3' MONTH, d - INTERVAL '2' DAY, INTERVAL '1' YEAR, INTERVAL '14' DAY, INTERVAL '90' DAY FROM t");
    }

    @Test
    void wordsCalciteReservesAreQuotedWhereTheyAreNames() {
        assertThat(rewrite("SELECT range, date, x AS user FROM range(3) WHERE date > DATE '2020-01-01' AND CAST(x AS date) = x::timestamp"))
                .isEqualTo("SELECT \"range\", \"date\", x AS \"user\" FROM \"$table1\" AS \"range\" WHERE \"date\" > DATE '2020-01-01' AND CAST(x AS date) = x::timestamp");
    }
}
