package dev.spillway.spill;

import static dev.spillway.api.Expressions.col;
import static dev.spillway.api.Expressions.countStar;
import static dev.spillway.api.Expressions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.api.BatchStream;
import dev.spillway.api.DataFrame;
import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.QueryResult;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.data.Batch;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spilling queries sharing one engine: run at once under one limit, stopped by the temporary-storage
 * quota, cancelled half-way. Whatever happens, memory returns to zero, the spill files go away, and the
 * engine keeps answering.
 */
class SpillingQueriesTest {
    @TempDir
    Path temp;

    private Session open(String memoryLimit) {
        return Spillway.open(ExecutionConfig.defaults().withThreads(2).with("temp_directory", temp.toString())
                .with("memory_limit", memoryLimit).withTargetBatchRows(4096));
    }

    private long filesOnDisk() throws Exception {
        try (Stream<Path> files = Files.walk(temp)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** GROUP BY range % groups: every group has rows/groups rows, and the sum of n is rows. */
    private static DataFrame grouping(Session session, long rows, long groups) {
        DataFrame grouped = session.range(rows).groupBy(col("range").mod(groups).as("k")).agg(countStar().as("n"));
        return grouped.agg(countStar().as("groups"), sum(col("n")).as("rows"));
    }

    private static DataFrame sorting(Session session, long rows) {
        return session.range(rows).select(col("range").times(7919L).mod(2_000_003L).as("key"), col("range").as("id")).sort(col("key").desc());
    }

    /** Rows of a stream, checking it is sorted descending on column 0. */
    private static long drainSorted(DataFrame frame) {
        long rows = 0;
        long previous = Long.MAX_VALUE;
        try (BatchStream stream = frame.stream()) {
            while (stream.hasNext()) {
                try (Batch batch = stream.next()) {
                    var keys = (org.apache.arrow.vector.BigIntVector) batch.column(0);
                    for (int r = 0; r < batch.rowCount(); r++) {
                        assertThat(keys.get(r)).isLessThanOrEqualTo(previous);
                        previous = keys.get(r);
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void severalSpillingQueriesShareOneLimitAndAllFinish() throws Exception {
        try (Session session = open("96MB")) {
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Object>> queries = List.of(
                        () -> grouping(session, 3_000_000, 2_000_000).collect(),
                        () -> grouping(session, 2_500_000, 1_500_000).collect(),
                        () -> drainSorted(sorting(session, 1_500_000)),
                        () -> drainSorted(sorting(session, 1_200_000)));
                List<Future<Object>> results = new ArrayList<>();
                for (Callable<Object> query : queries) {
                    results.add(callers.submit(query));
                }
                List<Object> answers = new ArrayList<>();
                for (Future<Object> result : results) {
                    answers.add(result.get());
                }
                assertThat(((QueryResult) answers.get(0)).rows()).containsExactly(List.of(2_000_000L, 3_000_000L));
                assertThat(((QueryResult) answers.get(1)).rows()).containsExactly(List.of(1_500_000L, 2_500_000L));
                assertThat(answers.get(2)).isEqualTo(1_500_000L);
                assertThat(answers.get(3)).isEqualTo(1_200_000L);
            } finally {
                callers.shutdownNow();
            }
            assertThat(session.memoryPool().spilledBytes()).as("the limit forced spilling").isPositive();
            assertThat(session.memoryPool().used()).isZero();
            assertThat(session.spillFiles()).isEmpty();
        }
        assertThat(filesOnDisk()).isZero();
    }

    @Test
    void wideStringKeysSpillInTheMergeToo() throws Exception {
        // Many groups of wide keys: the partitions waiting to be merged do not fit either, and must go to disk;
        // at 48MB the workers' tables cannot even be copied into partitions at the end and are written out instead.
        try (Session session = open("48MB")) {
            DataFrame keyed = session.range(1_500_000).select(
                    dev.spillway.api.Expressions.fn("concat", dev.spillway.api.Expressions.lit("key-with-some-width-"),
                            col("range").mod(1_000_000L).cast(dev.spillway.types.DataType.VARCHAR)).as("s"),
                    col("range").mod(1_000_000L).as("a"), col("range").mod(7L).as("b"));
            DataFrame grouped = keyed.groupBy(col("s"), col("a")).agg(countStar().as("n"), sum(col("b")).as("sb"));
            QueryResult totals = grouped.agg(countStar().as("groups"), sum(col("n")).as("rows")).collect();
            assertThat(totals.rows()).containsExactly(List.of(1_000_000L, 1_500_000L));
            assertThat(session.memoryPool().spilledBytes()).isPositive();
            assertThat(session.memoryPool().used()).isZero();
        }
        assertThat(filesOnDisk()).isZero();
    }

    @Test
    void aQueryBeyondTheTemporaryStorageQuotaFailsNamingItAndLeavesNoFiles() throws Exception {
        try (Session session = open("48MB")) {
            session.set("max_temp_directory_size", "1MB");
            assertThatThrownBy(() -> grouping(session, 4_000_000, 3_000_000).collect())
                    .isInstanceOf(SpillwayException.class)
                    .hasMessageContaining("max_temp_directory_size");
            assertThat(filesOnDisk()).isZero();
            assertThat(session.memoryPool().used()).isZero();
            // The same engine answers the next queries: one that fits, then the big one with more room on disk.
            assertThat(session.range(1000).count()).isEqualTo(1000);
            session.set("max_temp_directory_size", "1GB");
            assertThat(grouping(session, 4_000_000, 3_000_000).collect().rows()).containsExactly(List.of(3_000_000L, 4_000_000L));
        }
        assertThat(filesOnDisk()).isZero();
    }

    @Test
    void closingASpilledQueryEarlyDeletesItsFiles() throws Exception {
        try (Session session = open("24MB")) {
            try (BatchStream stream = sorting(session, 2_000_000).stream()) {
                assertThat(stream.hasNext()).isTrue();
                stream.next().close();
                assertThat(filesOnDisk()).as("sorted runs exist while the merge is read").isPositive();
            }
            assertThat(filesOnDisk()).isZero();
            assertThat(session.memoryPool().used()).isZero();
        }
    }

    @Test
    void aQueryFailingAfterItSpilledDeletesItsFiles() throws Exception {
        try (Session session = open("48MB")) {
            // The cast fails only at the very last row, when the aggregation has long spilled.
            DataFrame failing = session.range(4_000_000)
                    .select(col("range").mod(3_000_000L).as("k"),
                            dev.spillway.api.Expressions.when(col("range").eq(3_999_999L), dev.spillway.api.Expressions.lit("x"),
                                    dev.spillway.api.Expressions.lit("1")).cast(dev.spillway.types.DataType.INTEGER).as("v"))
                    .groupBy(col("k")).agg(sum(col("v")).as("s"));
            assertThatThrownBy(failing::collect).isInstanceOf(SpillwayException.class)
                    .satisfies(e -> assertThat(((SpillwayException) e).kind()).isNotEqualTo(ErrorKind.INTERNAL));
            assertThat(session.memoryPool().spilledBytes()).as("it had spilled before failing").isPositive();
            assertThat(filesOnDisk()).isZero();
            assertThat(session.memoryPool().used()).isZero();
        }
    }
}
