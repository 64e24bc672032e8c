package dev.spillway.bench.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TpchQueriesTest {
    /** The SQL module's copies, which its DuckDB-checked tests run; Maven runs tests in the module folder. */
    private static final Path SQL_MODULE_QUERIES = Path.of("..", "spillway-sql", "src", "test", "resources", "tpch");

    @Test
    void theBenchmarksQueriesAreTheSqlModulesQueries() throws IOException {
        assumeTrue(Files.isDirectory(SQL_MODULE_QUERIES), "run from spillway-bench inside the repository");
        for (int q = 1; q <= TpchQueries.COUNT; q++) {
            String theirs = Files.readString(SQL_MODULE_QUERIES.resolve(String.format(Locale.ROOT, "q%02d.sql", q))).strip();
            theirs = theirs.endsWith(";") ? theirs.substring(0, theirs.length() - 1).stripTrailing() : theirs;
            assertThat(TpchQueries.sql(q)).as("Q%d: a change to one copy must be made to both", q).isEqualTo(theirs);
        }
    }

    @Test
    void textsAreSingleStatementsWithoutTheSemicolon() {
        for (int q = 1; q <= TpchQueries.COUNT; q++) {
            assertThat(TpchQueries.sql(q)).matches("(?s)(SELECT|WITH)\\s.*").doesNotEndWith(";");
        }
    }

    @Test
    void namesArePaddedToTwoDigits() {
        assertThat(TpchQueries.name(1)).isEqualTo("Q01");
        assertThat(TpchQueries.name(22)).isEqualTo("Q22");
        assertThatThrownBy(() -> TpchQueries.name(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TpchQueries.sql(23)).isInstanceOf(IllegalArgumentException.class);
    }
}
