package dev.spillway.exec.aggregate;

import static dev.spillway.api.Expressions.col;
import static dev.spillway.api.Expressions.countDistinct;
import static dev.spillway.api.Expressions.countStar;
import static dev.spillway.api.Expressions.fn;
import static dev.spillway.api.Expressions.lit;
import static dev.spillway.api.Expressions.max;
import static dev.spillway.api.Expressions.min;
import static dev.spillway.api.Expressions.sum;
import static dev.spillway.api.Expressions.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.api.DataFrame;
import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.testing.DuckDbOracle;
import dev.spillway.types.DataType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Aggregation whose keys hardly repeat, so that a worker's first full table (about a million groups from
 * about a million rows) sends it to the row-scatter path: the remaining rows go to the hash partitions as
 * single-row states. Keys seen before the switch come back after it (rows {@code i} and {@code i + 2.4M}
 * share a group), so scattered rows must meet flushed groups in the same partition. NULL keys, a string key,
 * with and without spilling, checked against DuckDB.
 */
class RowScatterTest {
    private static final long ROWS = 2_600_000;
    private static final long DISTINCT = 2_400_000;

    @TempDir
    static Path temp;
    static DuckDbOracle duckDb;

    @BeforeAll
    static void startDuckDb() {
        duckDb = new DuckDbOracle();
    }

    @AfterAll
    static void stopDuckDb() {
        duckDb.close();
    }

    private static Session open(int threads, String memoryLimit) {
        return Spillway.open(ExecutionConfig.defaults().withThreads(threads).with("temp_directory", temp.toString())
                .with("memory_limit", memoryLimit));
    }

    private static DataFrame input(Session session) {
        return session.range(ROWS).select(
                when(col("range").mod(97L).eq(0L), lit(null).cast(DataType.BIGINT), col("range").mod(DISTINCT)).as("k"),
                fn("concat", lit("s"), col("range").mod(3L).cast(DataType.VARCHAR)).as("s"),
                col("range").as("i"));
    }

    private static final String DUCKDB_INPUT = "SELECT CASE WHEN i % 97 = 0 THEN NULL ELSE i % " + DISTINCT + " END AS k, 's' || (i % 3) AS s, i "
            + "FROM range(" + ROWS + ") t(i)";

    @ParameterizedTest
    @CsvSource({"1, 2GB", "2, 2GB", "1, 96MB"})
    void groupsWithTwoKeysLikeDuckDb(int threads, String memoryLimit) {
        List<List<Object>> expected = duckDb.query("SELECT count(*), sum(n), sum(total), sum(lo), sum(hi), count(*) FILTER (WHERE n = 2) "
                + "FROM (SELECT k, s, count(*) AS n, sum(i) AS total, min(i) AS lo, max(i) AS hi FROM (" + DUCKDB_INPUT + ") GROUP BY k, s)");
        try (Session session = open(threads, memoryLimit)) {
            DataFrame groups = input(session).groupBy("k", "s")
                    .agg(countStar().as("n"), sum(col("i")).as("total"), min(col("i")).as("lo"), max(col("i")).as("hi"));
            List<List<Object>> actual = groups.agg(countStar().as("groups"), sum(col("n")).as("rows"), sum(col("total")).as("total"),
                    sum(col("lo")).as("lo"), sum(col("hi")).as("hi"), sum(when(col("n").eq(2L), 1L, 0L)).as("pairs")).collect().rows();
            assertThat(actual).isEqualTo(expected);
            assertThat(session.memoryPool().used()).isZero();
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 2GB", "2, 64MB"})
    void countsDistinctKeysLikeDuckDb(int threads, String memoryLimit) {
        List<List<Object>> expected = duckDb.query("SELECT count(DISTINCT k), count(*) FROM (" + DUCKDB_INPUT + ")");
        try (Session session = open(threads, memoryLimit)) {
            List<List<Object>> actual = input(session).agg(countDistinct(col("k")).as("keys"), countStar().as("rows")).collect().rows();
            assertThat(actual).isEqualTo(expected);
        }
    }
}
