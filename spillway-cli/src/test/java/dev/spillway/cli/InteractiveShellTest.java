package dev.spillway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.api.output.OutputFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell on a dumb JLine terminal over byte streams: multi-line statements, dot commands, going on after errors. */
class InteractiveShellTest {
    @Test
    void runsStatementsSpanningLinesAndGoesOnAfterErrors(@TempDir Path home) throws Exception {
        Path history = home.resolve(".spillway_history");
        String typed = "SELECT 1\n  AS x;\nSELECT nope FROM range(1);\n.format csv\nSELECT 'a;b' AS s;\n.exit\nSELECT 'never' AS n;\n";
        ByteArrayOutputStream results = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Session session = Spillway.open(ExecutionConfig.defaults());
             Terminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen,
                     StandardCharsets.UTF_8)) {
            ResultPrinter printer = new ResultPrinter(new OutputStreamWriter(results, StandardCharsets.UTF_8), OutputFormat.TABLE);
            ErrorReporter reporter = new ErrorReporter(new PrintStream(errors, true, StandardCharsets.UTF_8), false);
            int exitCode = new InteractiveShell(new StatementExecutor(session, printer, reporter), history).run(terminal);
            assertThat(exitCode).isZero();
        }
        assertThat(results.toString(StandardCharsets.UTF_8)).contains("│       1 │").endsWith("s\na;b\n").doesNotContain("never");
        assertThat(errors.toString(StandardCharsets.UTF_8)).startsWith("Error: line 1, column 8: ").hasLineCount(1);
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("spillway> ");
        assertThat(Files.readString(history)).contains("SELECT 1\\n  AS x;", ".format csv");
    }
}
