package dev.spillway.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {
    @Test
    void splitsOnSemicolonsOutsideQuotesAndComments() {
        List<String> statements = ScriptSplitter.split("""
                SELECT 'a;b' AS "x;y"; -- a comment; still a comment
                /* block; comment */ SELECT 2;
                SELECT 3""");
        assertThat(statements).extracting(String::strip).containsExactly(
                "SELECT 'a;b' AS \"x;y\"",
                "-- a comment; still a comment\n/* block; comment */ SELECT 2",
                "SELECT 3");
    }

    @Test
    void dropsEmptyStatements() {
        assertThat(ScriptSplitter.split(";;  ; -- nothing\n ;")).isEmpty();
        assertThat(ScriptSplitter.split("SELECT 1;;")).extracting(String::strip).containsExactly("SELECT 1");
    }

    @Test
    void statementsKeepTheirLineAndColumnInTheScript() {
        String script = "SELECT 1; SELECT\n  2;\n\nSELECT 3";
        List<String> statements = ScriptSplitter.split(script);
        assertThat(statements).hasSize(3);
        // The second statement starts right after the first ';' on line 1, column 10.
        assertThat(TextPosition.of(statements.get(1), statements.get(1).indexOf("SELECT"))).isEqualTo(new TextPosition(1, 11));
        assertThat(TextPosition.of(statements.get(2), statements.get(2).indexOf("SELECT"))).isEqualTo(new TextPosition(4, 1));
    }

    @Test
    void doubledQuotesAreEscapesNotEnds() {
        assertThat(ScriptSplitter.split("SELECT 'it''s; fine'; SELECT \"a\"\";b\"")).extracting(String::strip)
                .containsExactly("SELECT 'it''s; fine'", "SELECT \"a\"\";b\"");
    }

    @Test
    void unterminatedQuoteRunsToTheEnd() {
        assertThat(ScriptSplitter.split("SELECT 'oops; SELECT 2")).hasSize(1);
    }
}
