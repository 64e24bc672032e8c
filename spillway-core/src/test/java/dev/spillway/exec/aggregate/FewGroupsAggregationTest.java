package dev.spillway.exec.aggregate;

import static dev.spillway.api.Expressions.avg;
import static dev.spillway.api.Expressions.col;
import static dev.spillway.api.Expressions.countStar;
import static dev.spillway.api.Expressions.lit;
import static dev.spillway.api.Expressions.sum;
import static dev.spillway.api.Expressions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spillway.api.DataFrame;
import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.testing.DuckDbOracle;
import dev.spillway.types.DataType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A GROUP BY with few groups over many rows, where sum and avg add each batch per group first (BatchGroupSums):
 * INTEGER and DOUBLE inputs with and without NULLs, a group whose values are all NULL, and a NULL key, checked
 * against DuckDB (doubles within a relative 1e-12, as the order of additions differs).
 */
class FewGroupsAggregationTest {
    private static final long ROWS = 300_000;
    private static final String DUCKDB_INPUT = """
            SELECT CASE WHEN i %% 101 = 0 THEN NULL ELSE i %% 37 END AS k,
                   CASE WHEN i %% 7 = 0 OR i %% 37 = 36 THEN NULL ELSE ((i * 13) %% 1000 - 500)::INTEGER END AS n,
                   (i %% 5)::INTEGER AS m,
                   CASE WHEN i %% 11 = 0 THEN NULL ELSE i * 0.25 - 1000.0 END AS d
            FROM range(%d) t(i)""".formatted(ROWS);

    static DuckDbOracle duckDb;

    @BeforeAll
    static void startDuckDb() {
        duckDb = new DuckDbOracle();
    }

    @AfterAll
    static void stopDuckDb() {
        duckDb.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void sumsAndAveragesOfFewGroupsLikeDuckDb(int threads) {
        List<List<Object>> expected = duckDb.query("SELECT k, count(*), sum(n), avg(n), sum(m), avg(m), avg(d) FROM (" + DUCKDB_INPUT
                + ") GROUP BY k ORDER BY k NULLS FIRST");
        try (Session session = Spillway.open(ExecutionConfig.defaults().withThreads(threads))) {
            DataFrame input = session.range(ROWS).select(
                    when(col("range").mod(101L).eq(0L), lit(null).cast(DataType.BIGINT), col("range").mod(37L)).as("k"),
                    when(col("range").mod(7L).eq(0L).or(col("range").mod(37L).eq(36L)), lit(null).cast(DataType.INTEGER),
                            col("range").times(13L).mod(1000L).minus(500L).cast(DataType.INTEGER)).as("n"),
                    col("range").mod(5L).cast(DataType.INTEGER).as("m"),
                    when(col("range").mod(11L).eq(0L), lit(null).cast(DataType.DOUBLE),
                            col("range").cast(DataType.DOUBLE).times(0.25).minus(1000.0)).as("d"));
            List<List<Object>> actual = input.groupBy("k")
                    .agg(countStar().as("rows"), sum(col("n")).as("sum_n"), avg(col("n")).as("avg_n"), sum(col("m")).as("sum_m"),
                            avg(col("m")).as("avg_m"), avg(col("d")).as("avg_d"))
                    .sort(col("k").asc().withNullsFirst()).collect().rows();
            assertThat(actual).hasSize(38);
            assertThat(actual.get(37).get(2)).as("sum of a group whose values are all NULL").isNull();
            for (int row = 0; row < actual.size(); row++) {
                List<Object> got = actual.get(row);
                List<Object> want = expected.get(row);
                assertThat(got.subList(0, 6)).as("group %s", want.get(0)).isEqualTo(want.subList(0, 6));
                double wantAverage = ((Number) want.get(6)).doubleValue();
                assertThat(((Number) got.get(6)).doubleValue()).as("avg(d) of group %s", want.get(0))
                        .isCloseTo(wantAverage, within(Math.abs(wantAverage) * 1e-12));
            }
            assertThat(session.memoryPool().used()).isZero();
        }
    }
}
