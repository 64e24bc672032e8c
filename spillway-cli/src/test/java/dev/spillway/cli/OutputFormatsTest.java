package dev.spillway.cli;

import static dev.spillway.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JSON and table output, and plans from EXPLAIN. */
class OutputFormatsTest {
    @Test
    void jsonIsAnArrayOfObjectsOnePerLine() {
        String out = cli().run("--format", "json", "-c",
                "SELECT 1 AS i, 'a\"b' AS s, NULL AS n, true AS b, CAST(0.5 AS DOUBLE) AS d, DATE '2024-01-02' AS day, CAST('nan' AS DOUBLE) AS nan")
                .succeeded().stdout();
        assertThat(out).isEqualTo("[\n{\"i\":1,\"s\":\"a\\\"b\",\"n\":null,\"b\":true,\"d\":0.5,\"day\":\"2024-01-02\",\"nan\":\"nan\"}\n]\n");
    }

    @Test
    void jsonOfAnEmptyResultIsAnEmptyArray() {
        assertThat(cli().run("--format", "json", "-c", "SELECT * FROM range(0)").succeeded().stdout()).isEqualTo("[]\n");
    }

    @Test
    void tableIsTheDefaultAndShowsTypesAndTheRowCount() {
        String out = cli().run("-c", "SELECT 42 AS answer, 'x' AS s").succeeded().stdout();
        assertThat(out).isEqualTo("""
                ┌─────────┬─────────┐
                │ answer  │ s       │
                │ integer │ varchar │
                ├─────────┼─────────┤
                │      42 │ x       │
                └─────────┴─────────┘
                1 row
                """);
    }

    @Test
    void tableShowsTheFirstRowsAndTheTotalCount() {
        String out = cli().run("-c", "SELECT * FROM range(100000)").succeeded().stdout();
        assertThat(out).contains("│      0 │", "│     39 │").doesNotContain("│     40 │");
        assertThat(out).endsWith("100000 rows (40 shown)\n");
    }

    @Test
    void explainPrintsThePlanAsPlainLinesInTableFormat() {
        String out = cli().run("-c", "EXPLAIN SELECT count(*) FROM range(10) WHERE \"range\" > 3").succeeded().stdout();
        assertThat(out).startsWith("Logical plan:\n").contains("Physical plan:\n").doesNotContain("┌");
    }

    @Test
    void explainIsARowPerLineInCsv() {
        String out = cli().run("--format", "csv", "-c", "EXPLAIN SELECT * FROM range(3)").succeeded().stdout();
        assertThat(out).startsWith("explain\nLogical plan:\n");
    }
}
