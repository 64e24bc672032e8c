package dev.spillway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.api.output.OutputFormat;
import java.io.PrintStream;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When typed or piped text ends a statement: a {@code ;} outside strings, quoted names and comments. */
class StatementBoundaryTest {
    private final Session session = Spillway.open(ExecutionConfig.defaults());
    private final StatementExecutor executor = new StatementExecutor(session, new ResultPrinter(new StringWriter(), OutputFormat.CSV),
            new ErrorReporter(new PrintStream(PrintStream.nullOutputStream()), false));

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aSemicolonEndsAStatement() {
        assertThat(ends("SELECT 1;")).isTrue();
        assertThat(ends("SELECT 1;  \n")).isTrue();
        assertThat(ends("SELECT 1; -- a comment after it")).isTrue();
        assertThat(ends("SELECT 1; SELECT 2;")).isTrue();
    }

    @Test
    void noSemicolonOrOneInsideQuotesOrCommentsDoesNot() {
        assertThat(ends("SELECT 1")).isFalse();
        assertThat(ends("SELECT 1; SELECT 2")).isFalse();
        assertThat(ends("SELECT 'a;")).isFalse();
        assertThat(ends("SELECT \"a;")).isFalse();
        assertThat(ends("SELECT 1 -- ;")).isFalse();
        assertThat(ends("SELECT 1 /* ; */")).isFalse();
        assertThat(ends("SELECT 1; /* unfinished ;")).isFalse();
    }

    @Test
    void blankTextIsNotAStatement() {
        assertThat(ends("")).isFalse();
        assertThat(ends("  \n ")).isFalse();
    }

    private boolean ends(String text) {
        return StatementBoundary.endsStatement(executor, text);
    }
}
