package dev.spillway.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.sql.testing.KnownBug;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors a user meets, through SQL: each is a {@link SpillwayException} of a user-facing kind whose message
 * says what is wrong and where (file and line, query line and column, value). After each one the same
 * session answers the next query correctly and holds no memory; the session closes without leaks at the end.
 */
class ErrorPathTest {
    @TempDir
    static Path directory;
    private static Session session;

    @BeforeAll
    static void open() {
        session = Spillway.open(ExecutionConfig.defaults().withThreads(2).withTargetBatchRows(1000).withMemoryLimit(1L << 30));
        session.execute("CREATE VIEW t AS SELECT * FROM (VALUES (1, 'a'), (2, 'abc'), (3, '42')) v(i, s)");
    }

    @AfterAll
    static void close() {
        session.close();
    }

    /** The session still answers, and nothing of the failed query is left allocated. */
    @AfterEach
    void sessionStillWorks() {
        assertThat(session.memoryPool().used()).as("bytes held after the failed query").isZero();
        assertThat(session.sql("SELECT count(*), sum(i) FROM t JOIN range(5) r(x) ON t.i = r.x").collect().rows())
                .containsExactly(List.of(3L, 6L));
        assertThat(session.memoryPool().used()).isZero();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(String sql, ErrorKind kind) {
        return assertThatThrownBy(() -> session.sql(sql).collect())
                .isInstanceOf(SpillwayException.class)
                .satisfies(error -> assertThat(((SpillwayException) error).kind()).as("error kind of: %s", error.getMessage()).isEqualTo(kind));
    }

    private static String write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, content);
        return file.toString();
    }

    // ---- files

    @Test
    void missingParquetFileNamesThePath() {
        String path = directory.resolve("missing.parquet").toString();
        assertFails("SELECT * FROM '" + path + "'", ErrorKind.IO).hasMessageContaining("file not found: " + path);
        assertFails("SELECT * FROM read_parquet('" + path + "')", ErrorKind.IO).hasMessageContaining(path);
    }

    @Test
    void missingCsvAndJsonFilesNameThePath() {
        String csv = directory.resolve("missing.csv").toString();
        String json = directory.resolve("missing.json").toString();
        assertFails("SELECT * FROM read_csv('" + csv + "')", ErrorKind.IO).hasMessageContaining("file not found: " + csv);
        assertFails("SELECT * FROM '" + json + "'", ErrorKind.IO).hasMessageContaining("file not found: " + json);
    }

    @Test
    void globWithoutMatchesNamesThePattern() {
        String pattern = directory.resolve("nothing*.csv").toString();
        assertFails("SELECT * FROM read_csv('" + pattern + "')", ErrorKind.IO).hasMessageContaining("no files match " + pattern);
    }

    @Test
    void malformedCsvValueNamesFileLineAndColumn() throws IOException {
        StringBuilder content = new StringBuilder("id,name\n");
        for (int i = 1; i <= 300; i++) {
            content.append(i == 250 ? "oops" : Integer.toString(i)).append(",n").append(i).append('\n');
        }
        String file = write("bad_value.csv", content.toString());
        assertFails("SELECT sum(id) FROM read_csv('" + file + "', sample_size = 20)", ErrorKind.USER_INPUT)
                .hasMessageStartingWith(file + ":251: column \"id\": cannot convert 'oops' to BIGINT");
    }

    @Test
    void raggedCsvRowNamesFileAndLine() throws IOException {
        String file = write("ragged.csv", "a,b\n1,2\n3,4,5\n6,7\n");
        assertFails("SELECT * FROM read_csv('" + file + "', delim = ',')", ErrorKind.USER_INPUT)
                .hasMessageContaining(file + ":3: expected 2 columns but found 3");
    }

    @Test
    void malformedJsonNamesFileAndLine() throws IOException {
        String file = write("bad.json", "{\"a\": 1}\n{\"a\": 2\n{\"a\": 3}\n");
        assertFails("SELECT * FROM '" + file + "'", ErrorKind.USER_INPUT).hasMessageContaining(file + ":3: malformed JSON");
    }

    // ---- the query text

    @Test
    void unknownColumnNamesTheColumnAndItsPosition() {
        assertFails("SELECT t.nope FROM t", ErrorKind.USER_INPUT).hasMessage("line 1, column 10: column \"nope\" not found in table \"t\"");
        assertFails("SELECT i,\n       nope\nFROM t", ErrorKind.USER_INPUT).hasMessageContaining("line 2, column 8").hasMessageContaining("\"nope\" not found");
    }

    @Test
    void unknownTableNamesItAndItsPosition() {
        assertFails("SELECT *\nFROM t JOIN nope ON true", ErrorKind.USER_INPUT).hasMessage("line 2, column 13: table \"nope\" not found");
    }

    @Test
    void unknownFunctionNamesIt() {
        assertFails("SELECT no_such_function(i) FROM t", ErrorKind.USER_INPUT)
                .hasMessageStartingWith("line 1, column 8: function ").hasMessageContaining("no_such_function");
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        assertFails("SELECT * FROM t WHERE", ErrorKind.USER_INPUT).hasMessageStartingWith("line 1, column ");
        assertFails("SELECT i\nFROM t\nWHERE i >", ErrorKind.USER_INPUT).hasMessageStartingWith("line 3, column ");
        assertFails("SELECT i FROM t ORDER", ErrorKind.USER_INPUT).hasMessageStartingWith("line 1, column ");
    }

    @Test
    void typeMismatchNamesTheOperatorAndArgument() {
        assertFails("SELECT 'a' + 1", ErrorKind.USER_INPUT).hasMessage("line 1, column 8: operator + does not accept VARCHAR (argument 'a')");
        assertFails("SELECT i FROM t WHERE s", ErrorKind.USER_INPUT).hasMessage("line 1, column 23: WHERE clause must be a condition");
    }

    // ---- values while running

    @Test
    void integerDivisionByZero() {
        assertFails("SELECT x % 0 FROM range(3) t(x)", ErrorKind.USER_INPUT).hasMessageStartingWith("division by zero in ");
        KnownBug.INTEGER_DIVISION_IS_A_COMMENT.assertStillPresent(() ->
                assertFails("SELECT x // 0 FROM range(3) t(x)", ErrorKind.USER_INPUT).hasMessageStartingWith("division by zero in "));
    }

    @Test
    void divisionByZeroFarIntoAParallelQuery() {
        assertFails("SELECT sum(100 % (x - 77777)) FROM range(200000) t(x)", ErrorKind.USER_INPUT).hasMessage("division by zero in 100 % 0");
    }

    @Test
    void integerOverflow() {
        assertFails("SELECT i + 2147483647 FROM t", ErrorKind.USER_INPUT).hasMessage("overflow in addition of INTEGER (1 + 2147483647)");
        assertFails("SELECT x * 9223372036854775807 FROM range(3) t(x)", ErrorKind.USER_INPUT)
                .hasMessage("overflow in multiplication of BIGINT (2 * 9223372036854775807)");
        assertFails("SELECT sum(b) FROM (VALUES (9223372036854775807), (1)) v(b)", ErrorKind.USER_INPUT).hasMessageContaining("overflow");
    }

    @Test
    void castOutOfRange() {
        assertFails("SELECT CAST(x + 3000000000 AS INTEGER) FROM range(3) t(x)", ErrorKind.USER_INPUT)
                .hasMessage("value 3000000000 is out of range for INTEGER");
    }

    @Test
    void badCastValueNamesTheValue() {
        assertFails("SELECT CAST(s AS INTEGER) FROM t WHERE i = 2", ErrorKind.USER_INPUT).hasMessage("could not convert string 'abc' to INTEGER");
        assertFails("SELECT CAST(s AS DATE) FROM t", ErrorKind.USER_INPUT).hasMessage("could not convert string 'a' to DATE");
        assertFails("SELECT CAST('abc' AS INTEGER)", ErrorKind.USER_INPUT).hasMessage("could not convert string 'abc' to INTEGER");
    }

    @Test
    void badValueInsideAnAggregationAndJoin() {
        assertFails("SELECT r.x % 3 AS k, sum(CAST(t.s AS INTEGER)) FROM range(50000) r(x) JOIN t ON r.x % 3 + 1 = t.i GROUP BY k",
                ErrorKind.USER_INPUT).hasMessageStartingWith("could not convert string ");
    }

    // ---- memory

    @Test
    void outOfMemoryNamesTheLimitAndTheConsumers() {
        session.set("memory_limit", "8MB");
        try {
            // A join's build side cannot spill (aggregations and sorts now can): 3M rows do not fit in 8MB.
            assertFails("SELECT count(*) FROM range(3000000) a(x) JOIN range(3000000) b(y) ON x = y", ErrorKind.OUT_OF_MEMORY)
                    .hasMessageStartingWith("out of memory: the query needs more than memory_limit")
                    .hasMessageContaining("SET memory_limit")
                    .hasMessageMatching("(?s).*largest consumers: \\S+ [1-9].*");
        } finally {
            session.reset("memory_limit");
        }
    }
}
