package dev.spillway.cli;

import static dev.spillway.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SQL piped into stdin: every statement runs, failures are reported and do not stop the script. */
class PipedInputTest {
    @Test
    void goesOnAfterAFailureAndExitsWith1() {
        CliRun.Result result = cli().stdin("""
                SELECT 1 AS a;
                SELECT nope FROM range(1);
                SELECT 2 AS b;
                """).run("--format", "csv");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("a\n1\nb\n2\n");
        assertThat(result.singleErrorLine()).startsWith("line 2, column 8: ");
    }

    @Test
    void statementsMaySpanLinesAndShareLines() {
        CliRun.Result result = cli().stdin("""
                -- a comment
                SELECT
                  'a;b' AS s
                ; SELECT 3 AS x; SELECT
                4 AS y
                """).run("--format", "csv").succeeded();
        assertThat(result.stdout()).isEqualTo("s\na;b\nx\n3\ny\n4\n");
    }

    @Test
    void errorLinesCountFromTheStartOfTheInput() {
        CliRun.Result result = cli().stdin("SELECT 1;\n\n\nSELECT\n  nope\nFROM range(1);\n").run("--format", "csv");
        assertThat(result.singleErrorLine()).startsWith("line 5, column 3: ");
    }

    @Test
    void viewsAndSettingsCarryOverBetweenStatements() {
        CliRun.Result result = cli().stdin("CREATE VIEW v AS SELECT 7 AS seven;\nSET threads = 1;\nSELECT * FROM v;\n.settings\n")
                .run("--format", "csv").succeeded();
        assertThat(result.stdout()).startsWith("seven\n7\n").contains("threads = 1\n");
    }

    @Test
    void dotCommandsChangeTheFormatAndExit() {
        CliRun.Result result = cli().stdin("SELECT 1 AS a;\n.format json\nSELECT 1 AS a;\n.exit\nSELECT 2 AS never;\n").run("--format", "csv")
                .succeeded();
        assertThat(result.stdout()).isEqualTo("a\n1\n[\n{\"a\":1}\n]\n");
    }

    @Test
    void anUnknownDotCommandIsAFailure() {
        CliRun.Result result = cli().stdin(".frobnicate\nSELECT 1 AS a;\n").run("--format", "csv");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("a\n1\n");
        assertThat(result.singleErrorLine()).isEqualTo("unknown command '.frobnicate'; .help lists the commands");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(cli().stdin(".help\n").run().succeeded().stdout()).contains(".exit", ".settings", ".format");
    }

    @Test
    void aLastStatementWithoutSemicolonStillRuns() {
        assertThat(cli().stdin("SELECT 5 AS five").run("--format", "csv").succeeded().stdout()).isEqualTo("five\n5\n");
    }
}
