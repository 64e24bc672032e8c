package dev.spillway.cli;

import static dev.spillway.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -c "SQL; SQL; ..."}: statements in order, nothing printed for SET and CREATE VIEW, stop at the first error. */
class ScriptCommandTest {
    @Test
    void runsViewsSettingsAndQueriesInOrder() {
        CliRun.Result result = cli().run("--format", "csv", "-c", """
                CREATE VIEW small AS SELECT * FROM range(10);
                SET threads = 1;
                SELECT count(*) AS n FROM small;
                CREATE OR REPLACE VIEW evens AS SELECT "range" AS x FROM small WHERE "range" % 2 = 0;
                SELECT sum(x) AS total FROM evens;
                """).succeeded();
        assertThat(result.stdout()).isEqualTo("n\n10\ntotal\n20\n");
    }

    @Test
    void stopsAtTheFirstFailingStatementWithExitCode1AndOneLine() {
        CliRun.Result result = cli().run("--format", "csv", "-c", "SELECT 1 AS a; SELECT * FROM no_such_table; SELECT 2 AS b");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("a\n1\n");
        assertThat(result.singleErrorLine()).isEqualTo("line 1, column 30: table \"no_such_table\" not found");
    }

    @Test
    void errorsNameTheFileAndLineOfBadInput(@TempDir Path dir) throws IOException {
        // Past the sniffer's 4 MB sample, a value that does not fit the column's type.
        Path file = dir.resolve("numbers.csv");
        StringBuilder text = new StringBuilder("n\n");
        int rows = 700_000;
        for (int i = 0; i < rows; i++) {
            text.append(100_000 + i).append('\n');
        }
        text.append("oops\n");
        Files.writeString(file, text);
        CliRun.Result result = cli().run("-c", "SELECT sum(n) FROM '" + file + "'");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.singleErrorLine()).contains(file.toString()).contains(String.valueOf(rows + 2)).contains("oops");
    }

    @Test
    void errorPositionsArePositionsInTheWholeScript() {
        CliRun.Result result = cli().run("-c", "SELECT 1;\nSELECT 2;\nSELECT nope FROM range(1)");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.singleErrorLine()).startsWith("line 3, column 8: ");
    }

    @Test
    void aFailingSetStopsTheRun() {
        CliRun.Result result = cli().run("-c", "SET threads = 'many'; SELECT 1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.singleErrorLine()).isEqualTo("threads must be a whole number, got 'many'");
    }

    @Test
    void anEmptyScriptDoesNothing() {
        assertThat(cli().run("-c", " ; -- nothing\n").succeeded().stdout()).isEmpty();
    }

    @Test
    void noStackTraceWithoutVerbose() {
        CliRun.Result result = cli().run("-c", "SELECT * FROM 'missing-file.parquet'");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.singleErrorLine()).contains("missing-file.parquet");
    }

    @Test
    void verbosePrintsTheStackTraceAndWhatStatementsDid() {
        CliRun.Result result = cli().run("--verbose", "-c", "SET threads = 1; SELECT * FROM 'missing-file.parquet'");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("threads = 1\nError: ").contains("missing-file.parquet")
                .contains("\tat dev.spillway.");
    }
}
