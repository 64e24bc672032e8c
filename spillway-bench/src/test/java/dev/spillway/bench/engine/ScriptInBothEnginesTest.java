package dev.spillway.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script convention in both real engines, in this JVM: a COPY of a sorted query to {@code {output}},
 * then a query over that file, gives the same answer in both, and leaves no file behind.
 */
class ScriptInBothEnginesTest {
    private static final String SORT_AND_CHECK = """
            COPY (SELECT * FROM t ORDER BY k DESC) TO '{output}' (FORMAT parquet)
            ;
            SELECT count(*) AS row_count, sum(k) AS k_sum,
              (SELECT sum(k) FROM (SELECT k FROM read_parquet('{output}') LIMIT 2)) AS first_two
            FROM read_parquet('{output}')""";

    @TempDir
    static Path directory;

    private static Path table;

    @BeforeAll
    static void writeTinyTable() throws SQLException {
        table = directory.resolve("t.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT range AS k FROM range(10)) TO '" + table + "' (FORMAT parquet)");
        }
    }

    private static BenchEngine open(EngineKind kind) {
        return kind.open(new EngineSetup(List.of(new EngineSetup.ParquetTable("t", table)), 1, Optional.empty(),
                directory.resolve(kind.id() + "-spill"), directory.resolve(kind.id() + "-output")));
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void writesTheFileThenAnswersFromItAndDeletesIt(EngineKind kind) throws IOException {
        try (BenchEngine engine = open(kind)) {
            RowCollector rows = new RowCollector();
            List<String> columns = engine.run(SORT_AND_CHECK, rows);
            assertThat(columns).containsExactly("row_count", "k_sum", "first_two");
            assertThat(rows.rows()).hasSize(1);
            // 10 rows, 0 + ... + 9 = 45, and the file is sorted: its first two rows are 9 and 8.
            assertThat(rows.rows().getFirst()).extracting(Object::toString).containsExactly("10", "45", "17");
        }
        try (Stream<Path> left = Files.list(directory.resolve(kind.id() + "-output"))) {
            assertThat(left).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void onlyTheLastPartMayReturnRows(EngineKind kind) {
        try (BenchEngine engine = open(kind)) {
            assertThatThrownBy(() -> engine.run("SELECT 1 AS one\n;\nSELECT 2 AS two", new RowCollector()))
                    .hasMessageContaining("only the last part of a script may be a query");
        }
    }
}
