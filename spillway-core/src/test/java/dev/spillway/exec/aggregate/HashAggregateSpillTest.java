package dev.spillway.exec.aggregate;

import static dev.spillway.api.Expressions.col;
import static dev.spillway.api.Expressions.countStar;
import static dev.spillway.api.Expressions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.api.DataFrame;
import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.QueryResult;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hash aggregation in the three memory modes: fits, must spill, cannot run. */
class HashAggregateSpillTest {
    private static final long ROWS = 2_000_000;
    private static final long GROUPS = 1_000_000;

    @TempDir
    Path temp;

    private Session open(String memoryLimit) {
        ExecutionConfig config = ExecutionConfig.defaults().withThreads(2).with("temp_directory", temp.toString())
                .with("memory_limit", memoryLimit);
        return Spillway.open(config);
    }

    /** 2M rows into 1M groups: count, sum and a global summary that checks every group. */
    private static QueryResult summarize(Session session) {
        DataFrame grouped = session.range(ROWS).withColumn("k", col("range").mod(GROUPS))
                .groupBy("k").agg(countStar().as("n"), sum(col("range")).as("total"));
        return grouped.agg(countStar().as("groups"), sum(col("n")).as("rows"), sum(col("total")).as("total"),
                sum(col("k")).as("keys")).collect();
    }

    private static void assertCorrect(QueryResult result) {
        assertThat(result.get(0, "groups")).isEqualTo(GROUPS);
        assertThat(result.get(0, "rows")).isEqualTo(ROWS);
        assertThat(result.get(0, "total")).isEqualTo(ROWS * (ROWS - 1) / 2);
        assertThat(result.get(0, "keys")).isEqualTo(GROUPS * (GROUPS - 1) / 2);
    }

    private long tempFiles() throws Exception {
        try (Stream<Path> files = Files.walk(temp)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void fitsInMemoryWithoutTouchingDisk() throws Exception {
        try (Session session = open("2GB")) {
            assertCorrect(summarize(session));
            assertThat(session.memoryPool().spilledBytes()).isZero();
            assertThat(session.memoryPool().used()).isZero();
        }
        assertThat(tempFiles()).isZero();
    }

    @Test
    void spillsWhenGroupsDoNotFitAndStillAnswersExactly() throws Exception {
        try (Session session = open("48MB")) {
            assertCorrect(summarize(session));
            assertThat(session.memoryPool().spilledBytes()).as("bytes spilled").isPositive();
            assertThat(session.memoryPool().peak()).as("peak memory").isLessThanOrEqualTo(48_000_000L);
            assertThat(session.memoryPool().used()).isZero();
            assertThat(tempFiles()).as("spill files removed after the query").isZero();
        }
    }

    @Test
    void failsCleanlyWhenNothingCanRunAndRecovers() {
        try (Session session = open("3MB")) {
            assertThatThrownBy(() -> summarize(session))
                    .isInstanceOfSatisfying(SpillwayException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.OUT_OF_MEMORY))
                    .hasMessageContaining("memory_limit");
            assertThat(session.memoryPool().used()).isZero();
            session.set("memory_limit", "1GB");
            assertCorrect(summarize(session));
        }
    }
}
