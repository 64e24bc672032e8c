package dev.spillway.api;

import static dev.spillway.api.Expressions.col;
import static dev.spillway.api.Expressions.countStar;
import static dev.spillway.api.Expressions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.data.Batch;
import dev.spillway.errors.SpillwayException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code memory()} and {@code temporary_files()} watched from the same session while a spilling query is
 * paused half-way through its output: the operator's memory and files must be visible, and gone after.
 */
class SystemTablesTest {
    private static final long ROWS = 2_000_000;

    @TempDir
    Path temp;

    private Session open(String memoryLimit) {
        return Spillway.open(ExecutionConfig.defaults().withThreads(2).with("temp_directory", temp.toString())
                .with("memory_limit", memoryLimit).withTargetBatchRows(4096));
    }

    /** tag -> {memory bytes, temporary storage bytes}. */
    private static Map<String, long[]> memoryByTag(Session session) {
        Map<String, long[]> byTag = new HashMap<>();
        for (List<Object> row : session.memory().collect().rows()) {
            byTag.put((String) row.get(0), new long[] {(Long) row.get(1), (Long) row.get(2)});
        }
        return byTag;
    }

    @Test
    void listsEveryTagWithZeroesWhenIdle() {
        try (Session session = open("1GB")) {
            Map<String, long[]> byTag = memoryByTag(session);
            assertThat(byTag).containsKeys("AGGREGATE", "ORDER_BY", "JOIN", "EXCHANGE", "SCAN", "PAGE_CACHE");
            assertThat(byTag.get("AGGREGATE")).containsExactly(0L, 0L);
            assertThat(session.temporaryFiles().collect().rows()).isEmpty();
            assertThat(session.memory().schema().names())
                    .containsExactly("tag", "memory_usage_bytes", "temporary_storage_bytes");
            assertThat(session.temporaryFiles().schema().names()).containsExactly("path", "size");
        }
    }

    @Test
    void showsASortsMemoryAndRunFilesWhileItsOutputIsRead() {
        try (Session session = open("24MB")) {
            DataFrame sorted = session.range(ROWS).select(col("range").times(7919L).mod(2_000_003L).as("key"))
                    .sort(col("key").desc());
            try (BatchStream stream = sorted.stream()) {
                assertThat(stream.hasNext()).isTrue();
                stream.next().close();
                // The runs are merged while the output is read, so they and the merge buffers exist now.
                Map<String, long[]> byTag = memoryByTag(session);
                assertThat(byTag.get("ORDER_BY")[0]).as("ORDER_BY memory").isPositive();
                assertThat(byTag.get("ORDER_BY")[1]).as("ORDER_BY temporary storage").isPositive();
                List<List<Object>> files = session.temporaryFiles().collect().rows();
                assertThat(files).isNotEmpty();
                long listedBytes = 0;
                for (List<Object> file : files) {
                    Path path = Path.of((String) file.get(0));
                    assertThat(path).startsWith(temp).exists();
                    listedBytes += (Long) file.get(1);
                }
                assertThat(listedBytes).isEqualTo(byTag.get("ORDER_BY")[1]);
            }
            assertThat(session.temporaryFiles().collect().rows()).isEmpty();
            assertThat(memoryByTag(session).get("ORDER_BY")).containsExactly(0L, 0L);
        }
    }

    @Test
    void showsAnAggregationsPartitionFilesWhileItsOutputIsRead() throws Exception {
        try (Session session = open("48MB")) {
            DataFrame grouped = session.range(4_000_000).groupBy(col("range").mod(3_000_000L).as("k"))
                    .agg(countStar().as("n"), sum(col("range")).as("s"));
            long rows = 0;
            try (BatchStream stream = grouped.stream()) {
                assertThat(stream.hasNext()).isTrue();
                try (Batch first = stream.next()) {
                    rows += first.rowCount();
                }
                Map<String, long[]> byTag = memoryByTag(session);
                assertThat(byTag.get("AGGREGATE")[1]).as("AGGREGATE temporary storage").isPositive();
                assertThat(session.temporaryFiles().collect().rows()).isNotEmpty();
                while (stream.hasNext()) {
                    try (Batch batch = stream.next()) {
                        rows += batch.rowCount();
                    }
                }
            }
            assertThat(rows).isEqualTo(3_000_000);
            assertThat(session.temporaryFiles().collect().rows()).isEmpty();
        }
        try (var files = Files.walk(temp)) {
            assertThat(files.filter(Files::isRegularFile).count()).isZero();
        }
    }

    @Test
    void rejectsArguments() {
        try (Session session = open("1GB")) {
            assertThatThrownBy(() -> session.table("memory", List.of(1L), Map.of()))
                    .isInstanceOf(SpillwayException.class).hasMessage("memory() takes no arguments");
        }
    }
}
