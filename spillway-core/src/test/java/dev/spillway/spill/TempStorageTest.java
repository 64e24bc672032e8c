package dev.spillway.spill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.data.Batch;
import dev.spillway.data.BatchBuilder;
import dev.spillway.data.Values;
import dev.spillway.errors.SpillwayException;
import dev.spillway.memory.MemoryTag;
import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempStorageTest {
    private static final Schema SCHEMA = Schema.of(
            Field.of("b", DataType.BOOLEAN), Field.of("i", DataType.INTEGER), Field.of("l", DataType.BIGINT),
            Field.of("d", DataType.DOUBLE), Field.of("small", DataType.decimal(15, 2)), Field.of("wide", DataType.decimal(38, 4)),
            Field.of("s", DataType.VARCHAR), Field.of("day", DataType.DATE), Field.of("ts", DataType.TIMESTAMP));

    @TempDir
    Path temp;
    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = TestAllocators.newRoot();
    }

    @AfterEach
    void close() {
        TestAllocators.closeChecked(allocator);
    }

    private Batch batch(int rows, int seed) {
        try (BatchBuilder builder = new BatchBuilder(SCHEMA, rows, allocator)) {
            for (int r = 0; r < rows; r++) {
                int v = r + seed;
                if (v % 7 == 0) {
                    builder.appendRow(new Object[SCHEMA.size()]);
                    continue;
                }
                builder.appendRow(v % 2 == 0, v, (long) v * 1_000_003L, v / 3.0, BigDecimal.valueOf(v, 2),
                        new BigDecimal("12345678901234567890.1234").add(BigDecimal.valueOf(v)), v % 5 == 0 ? "" : "värde-" + v + "-✓",
                        LocalDate.of(2000, 1, 1).plusDays(v), LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(v).plusNanos(1000L * v));
            }
            return builder.finish();
        }
    }

    private static List<List<Object>> rows(Batch batch) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < batch.columnCount(); c++) {
                row.add(Values.get(batch.column(c), batch.schema().type(c), r));
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void writesAndReadsBackEveryType() {
        try (TempStorage storage = new TempStorage(temp, Long.MAX_VALUE)) {
            List<List<Object>> expected = new ArrayList<>();
            SpillFile file = storage.newFile("test", MemoryTag.ORDER_BY);
            try (SpillWriter writer = file.writer(SCHEMA)) {
                for (int b = 0; b < 3; b++) {
                    try (Batch batch = batch(1000, b * 1000)) {
                        expected.addAll(rows(batch));
                        writer.write(batch);
                    }
                }
            }
            assertThat(file.rows()).isEqualTo(3000);
            assertThat(storage.usedBytes()).isEqualTo(file.size()).isPositive();
            List<List<Object>> actual = new ArrayList<>();
            try (SpillReader reader = file.reader(SCHEMA, allocator)) {
                for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    try (Batch read = batch) {
                        actual.addAll(rows(read));
                    }
                }
            }
            assertThat(actual).isEqualTo(expected);
            file.close();
            assertThat(Files.exists(file.path())).isFalse();
            assertThat(storage.usedBytes()).isZero();
            assertThat(storage.files()).isEmpty();
        }
    }

    @Test
    void quotaExceededNamesTheSetting() {
        try (TempStorage storage = new TempStorage(temp, 10_000)) {
            SpillFile file = storage.newFile("big", MemoryTag.ORDER_BY);
            try (SpillWriter writer = file.writer(SCHEMA); Batch batch = batch(5000, 0)) {
                assertThatThrownBy(() -> writer.write(batch))
                        .isInstanceOf(SpillwayException.class)
                        .hasMessageContaining("max_temp_directory_size");
            }
        }
        try (var entries = java.util.stream.Stream.of(temp.toFile().list())) {
            assertThat(entries.toList()).as("the engine folder is removed on close").isEmpty();
        }
    }

    @Test
    void removesFoldersOfDeadProcesses() throws Exception {
        Path stale = Files.createDirectories(temp.resolve("spillway-999999999-1"));
        Files.writeString(stale.resolve("left.arrow"), "x");
        Path live = Files.createDirectories(temp.resolve("spillway-" + ProcessHandle.current().pid() + "-77"));
        Path unrelated = Files.createDirectories(temp.resolve("other"));
        try (TempStorage storage = new TempStorage(temp, Long.MAX_VALUE)) {
            assertThat(Files.exists(stale)).isFalse();
            assertThat(Files.exists(live)).isTrue();
            assertThat(Files.exists(unrelated)).isTrue();
        }
        assertThat(Arrays.asList(temp.toFile().list())).containsExactlyInAnyOrder("other", live.getFileName().toString());
    }
}
