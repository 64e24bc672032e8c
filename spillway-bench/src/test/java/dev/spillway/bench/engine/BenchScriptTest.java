package dev.spillway.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchScriptTest {
    @TempDir
    Path directory;

    @Test
    void aTextWithoutSeparatorLinesIsOneQuery() {
        BenchScript script = BenchScript.parse("SELECT 1;\n");
        assertThat(script.statements()).isEmpty();
        assertThat(script.query()).isEqualTo("SELECT 1;"); // a semicolon on a line with SQL belongs to the SQL
        assertThat(script.usesOutput()).isFalse();
    }

    @Test
    void separatorLinesSplitStatementsFromTheQuery() {
        BenchScript script = BenchScript.parse("SET threads = 1\n  ;  \nCOPY (SELECT 1) TO '{output}'\n;\nSELECT *\nFROM t\n");
        assertThat(script.statements()).containsExactly("SET threads = 1", "COPY (SELECT 1) TO '{output}'");
        assertThat(script.query()).isEqualTo("SELECT *\nFROM t");
        assertThat(script.usesOutput()).isTrue();
    }

    @Test
    void emptyPartsAreMistakes() {
        assertThatThrownBy(() -> BenchScript.parse("SELECT 1\n;\n")).hasMessageContaining("part 2 of 2 of the script is empty");
        assertThatThrownBy(() -> BenchScript.parse(";\nSELECT 1")).hasMessageContaining("part 1 of 2");
    }

    @Test
    void theOutputPlaceholderBecomesAQuotedPath() {
        BenchScript bound = BenchScript.parse("COPY t TO '{output}'\n;\nFROM '{output}'").withOutput(Path.of("/tmp/it's/out.parquet"));
        assertThat(bound.statements()).containsExactly("COPY t TO '/tmp/it''s/out.parquet'");
        assertThat(bound.query()).isEqualTo("FROM '/tmp/it''s/out.parquet'");
    }

    @Test
    void runsStatementsThenTheQueryInAFreshFolderThatIsDeletedAfterwards() throws IOException {
        List<String> executed = new ArrayList<>();
        String answer = BenchScript.parse("write '{output}'\n;\nread '{output}'").run(directory, statement -> {
            executed.add(statement);
            writeFileNamedIn(statement);
        }, query -> "ran " + query);

        assertThat(executed).hasSize(1);
        Path output = Path.of(executed.getFirst().substring("write '".length(), executed.getFirst().length() - 1));
        assertThat(output.getParent().getParent()).isEqualTo(directory);
        assertThat(answer).isEqualTo("ran read '" + output + "'");
        assertThat(output.getParent()).doesNotExist();
        assertThat(listing(directory)).isEmpty();
    }

    @Test
    void theFolderIsDeletedWhenTheQueryFails() throws IOException {
        BenchScript script = BenchScript.parse("write '{output}'\n;\nfail");
        assertThatThrownBy(() -> script.run(directory, BenchScriptTest::writeFileNamedIn, query -> {
            throw new IllegalStateException("engine failed");
        })).hasMessage("engine failed");
        assertThat(listing(directory)).isEmpty();
    }

    private static void writeFileNamedIn(String statement) {
        try {
            Files.writeString(Path.of(statement.substring(statement.indexOf('\'') + 1, statement.lastIndexOf('\''))), "data");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
