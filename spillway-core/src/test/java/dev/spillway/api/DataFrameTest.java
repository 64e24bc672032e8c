package dev.spillway.api;

import static dev.spillway.api.Expressions.col;
import static dev.spillway.api.Expressions.count;
import static dev.spillway.api.Expressions.countDistinct;
import static dev.spillway.api.Expressions.countStar;
import static dev.spillway.api.Expressions.lit;
import static dev.spillway.api.Expressions.sum;
import static dev.spillway.api.Expressions.avg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.errors.SpillwayException;
import dev.spillway.plan.JoinType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataFrameTest {
    private Session session;

    @BeforeEach
    void open() {
        session = Spillway.open(ExecutionConfig.defaults().withThreads(2).withTargetBatchRows(1000));
    }

    @AfterEach
    void close() {
        assertThat(session.memoryPool().used()).as("memory still allocated after the test").isZero();
        session.close();
    }

    @Test
    void filtersAndCountsARange() {
        DataFrame evens = session.range(100_000).filter(col("range").mod(2).eq(0));
        assertThat(evens.count()).isEqualTo(50_000);
    }

    @Test
    void groupsAndAggregates() {
        QueryResult result = session.range(10_000)
                .withColumn("bucket", col("range").mod(10))
                .groupBy("bucket")
                .agg(countStar().as("n"), sum(col("range")).as("total"), avg(col("range")).as("mean"))
                .sort("bucket")
                .collect();
        assertThat(result.rowCount()).isEqualTo(10);
        assertThat(result.get(0, "n")).isEqualTo(1000L);
        assertThat(result.get(0, "total")).isEqualTo(4_995_000L);
        assertThat(result.get(3, "bucket")).isEqualTo(3L);
        assertThat(result.get(3, "total")).isEqualTo(4_998_000L);
        assertThat((Double) result.get(3, "mean")).isEqualTo(4998.0);
    }

    @Test
    void manyGroupsAreCombinedByPartition() {
        // 300,000 groups seen by both workers: large enough for the partitioned, parallel merge.
        DataFrame grouped = session.range(1_200_000).withColumn("k", col("range").mod(300_000))
                .groupBy("k").agg(countStar().as("n"), sum(col("range")).as("total"));
        QueryResult summary = grouped.agg(countStar().as("groups"), sum(col("n")).as("rows"), sum(col("total")).as("total")).collect();
        assertThat(summary.get(0, "groups")).isEqualTo(300_000L);
        assertThat(summary.get(0, "rows")).isEqualTo(1_200_000L);
        assertThat(summary.get(0, "total")).isEqualTo(1_200_000L * 1_199_999L / 2);
        assertThat(grouped.filter(col("n").ne(4)).count()).isZero();
    }

    @Test
    void globalAggregateOverNoRowsGivesOneRow() {
        QueryResult result = session.range(10).filter(col("range").gt(100))
                .agg(countStar().as("n"), sum(col("range")).as("total")).collect();
        assertThat(result.rows()).containsExactly(java.util.Arrays.asList(0L, null));
    }

    @Test
    void countsDistinctValues() {
        QueryResult result = session.range(1000).withColumn("k", col("range").mod(7)).withColumn("v", col("range").mod(13))
                .groupBy("k").agg(countDistinct(col("v")).as("d"), count(col("v")).as("c")).sort("k").collect();
        assertThat(result.rowCount()).isEqualTo(7);
        for (List<Object> row : result.rows()) {
            assertThat(row.get(1)).isEqualTo(13L);
        }
        assertThat(result.get(0, "c")).isEqualTo(143L);
    }

    @Test
    void joinsTwoFrames() {
        DataFrame left = session.range(1000).withColumn("k", col("range").mod(100));
        DataFrame right = session.range(100).select(col("range").as("k"), col("range").times(2).as("double_k"));
        DataFrame joined = left.join(right, List.of("k"), JoinType.INNER);
        assertThat(joined.count()).isEqualTo(1000);
        QueryResult sums = joined.agg(sum(col("double_k")).as("s")).collect();
        assertThat(sums.get(0, 0)).isEqualTo(2L * 10 * 4950);
    }

    @Test
    void leftJoinKeepsUnmatchedRows() {
        DataFrame left = session.range(10);
        DataFrame right = session.range(5).select(col("range").as("r"));
        QueryResult result = left.join(right, col("range").eq(col("r")), JoinType.LEFT).sort("range").collect();
        assertThat(result.rowCount()).isEqualTo(10);
        assertThat(result.get(7, "r")).isNull();
        assertThat(result.get(3, "r")).isEqualTo(3L);
    }

    @Test
    void sortsDescendingWithLimit() {
        QueryResult result = session.range(100_000).sort(col("range").desc()).limit(3).collect();
        assertThat(result.rows()).extracting(row -> row.get(0)).containsExactly(99_999L, 99_998L, 99_997L);
    }

    @Test
    void limitWithoutOrderReturnsTheFirstRows() {
        QueryResult result = session.range(10_000_000).limit(5).collect();
        assertThat(result.rows()).extracting(row -> row.get(0)).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void reportsOverflowAsUserError() {
        DataFrame overflow = session.range(10).select(col("range").plus(lit(Long.MAX_VALUE)).as("x"));
        assertThatThrownBy(overflow::collect).isInstanceOf(SpillwayException.class).hasMessageContaining("overflow");
        // The session stays usable after a failed query.
        assertThat(session.range(3).count()).isEqualTo(3);
    }
}
