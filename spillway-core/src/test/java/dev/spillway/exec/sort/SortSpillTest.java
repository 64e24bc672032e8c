package dev.spillway.exec.sort;

import static dev.spillway.api.Expressions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.api.BatchStream;
import dev.spillway.api.DataFrame;
import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Session;
import dev.spillway.api.Spillway;
import dev.spillway.data.Batch;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ORDER BY in the three memory modes: fits, must spill (multi-way merge), cannot run. */
class SortSpillTest {
    private static final long ROWS = 2_000_000;
    private static final long PRIME = 2_000_003;

    @TempDir
    Path temp;

    private Session open(String memoryLimit) {
        return Spillway.open(ExecutionConfig.defaults().withThreads(2).with("temp_directory", temp.toString())
                .with("memory_limit", memoryLimit).withTargetBatchRows(4096));
    }

    /** Every row of 0..ROWS, scrambled by a multiplicative permutation, sorted by the scrambled key descending. */
    private static DataFrame sorted(Session session) {
        return session.range(ROWS).select(col("range").times(7919L).mod(PRIME).as("key"), col("range").as("id"))
                .sort(col("key").desc());
    }

    /** Streams the result, checking order and that every id appears once (via count and sum). */
    private static void assertSortedAndComplete(DataFrame frame) {
        long rows = 0;
        long idSum = 0;
        long previous = Long.MAX_VALUE;
        try (BatchStream stream = frame.stream()) {
            while (stream.hasNext()) {
                try (Batch batch = stream.next()) {
                    BigIntVector keys = (BigIntVector) batch.column(0);
                    BigIntVector ids = (BigIntVector) batch.column(1);
                    for (int r = 0; r < batch.rowCount(); r++) {
                        long key = keys.get(r);
                        assertThat(key).isLessThanOrEqualTo(previous);
                        previous = key;
                        idSum += ids.get(r);
                        rows++;
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(ROWS);
        assertThat(idSum).isEqualTo(ROWS * (ROWS - 1) / 2);
    }

    private long tempFiles() throws Exception {
        try (Stream<Path> files = Files.walk(temp)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void sortsInMemoryWhenItFits() throws Exception {
        try (Session session = open("2GB")) {
            assertSortedAndComplete(sorted(session));
            assertThat(session.memoryPool().spilledBytes()).isZero();
        }
        assertThat(tempFiles()).isZero();
    }

    @Test
    void spillsRunsAndMergesThem() throws Exception {
        try (Session session = open("24MB")) {
            assertSortedAndComplete(sorted(session));
            assertThat(session.memoryPool().spilledBytes()).isPositive();
            assertThat(session.memoryPool().peak()).isLessThanOrEqualTo(24_000_000L);
            assertThat(tempFiles()).isZero();
            // OFFSET/LIMIT past the top-N size goes through the same spilling path.
            assertThat(sorted(session).offset(1_000_000).limit(500_000).count()).isEqualTo(500_000);
        }
    }

    @Test
    void spilledRunsOfStringKeysWithNullsMergeInOrder() {
        // Keys sharing long prefixes (the merge's cached 8-byte codes tie, so the full comparison decides), NULLs
        // placed last although descending, ties broken by the second key.
        long rows = 400_000;
        try (Session session = open("24MB")) {
            DataFrame frame = session.range(rows).select(
                            dev.spillway.api.Expressions.fn("concat", dev.spillway.api.Expressions.lit("shared-prefix-"),
                                    col("range").times(7919L).mod(1000L).cast(dev.spillway.types.DataType.VARCHAR)).as("s"),
                            col("range").as("id"))
                    .select(dev.spillway.api.Expressions.when(col("id").mod(13L).eq(0L), null, col("s")).as("s"), col("id"))
                    .sort(col("s").desc().withNullsLast(), col("id").asc());
            java.util.List<String> keys = new java.util.ArrayList<>();
            java.util.List<Long> ids = new java.util.ArrayList<>();
            try (BatchStream stream = frame.stream()) {
                while (stream.hasNext()) {
                    try (Batch batch = stream.next()) {
                        var strings = (org.apache.arrow.vector.VarCharVector) batch.column(0);
                        BigIntVector idColumn = (BigIntVector) batch.column(1);
                        for (int r = 0; r < batch.rowCount(); r++) {
                            keys.add(strings.isNull(r) ? null : new String(strings.get(r), java.nio.charset.StandardCharsets.UTF_8));
                            ids.add(idColumn.get(r));
                        }
                    }
                }
            }
            assertThat(session.memoryPool().spilledBytes()).isPositive();
            assertThat(keys).hasSize((int) rows);
            java.util.Comparator<String> descendingNullsLast = java.util.Comparator.nullsLast(java.util.Comparator.<String>reverseOrder());
            for (int i = 1; i < keys.size(); i++) {
                int order = descendingNullsLast.compare(keys.get(i - 1), keys.get(i));
                assertThat(order).as("row %d: %s before %s", i, keys.get(i - 1), keys.get(i)).isLessThanOrEqualTo(0);
                if (order == 0) {
                    assertThat(ids.get(i - 1)).as("row %d: ties in id order", i).isLessThan(ids.get(i));
                }
            }
            assertThat(keys.get(keys.size() - 1)).isNull();
            assertThat(new java.util.HashSet<>(ids)).hasSize((int) rows);
        }
    }

    @Test
    void failsCleanlyWithTooLittleMemoryAndRecovers() {
        try (Session session = open("2MB")) {
            assertThatThrownBy(() -> assertSortedAndComplete(sorted(session)))
                    .isInstanceOfSatisfying(SpillwayException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.OUT_OF_MEMORY))
                    .hasMessageContaining("memory_limit");
            session.set("memory_limit", "1GB");
            assertSortedAndComplete(sorted(session));
        }
    }
}
