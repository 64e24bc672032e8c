package dev.spillway.io.parquet;

import static dev.spillway.testing.TableScans.allColumns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.data.Batch;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.BatchReader;
import dev.spillway.io.ScanContext;
import dev.spillway.io.ScanTask;
import dev.spillway.testing.TableScans;
import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** User-caused failures are SpillwayExceptions naming the file (and row group and column when reading), with no leaks. */
class ParquetErrorTest {
    @TempDir
    Path dir;
    BufferAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = TestAllocators.newRoot();
    }

    @AfterEach
    void tearDown() {
        TestAllocators.closeChecked(allocator);
    }

    private Path validFile(String name, ParquetCompression compression) {
        Path file = dir.resolve(name);
        ParquetTestFiles.write(file, ParquetRoundTripTest.ALL_TYPES, ParquetRoundTripTest.randomRows(new Random(1), 5000),
                ParquetWriteOptions.defaults().withCompression(compression), 1000, allocator);
        return file;
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("missing.parquet");
        assertThatThrownBy(() -> new ParquetSource(missing.toString()))
                .isInstanceOfSatisfying(SpillwayException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.IO))
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> new ParquetSource(dir + "/nothing-*.parquet"))
                .isInstanceOf(SpillwayException.class)
                .hasMessageContaining("no files match");
    }

    @Test
    void filesThatAreNotParquet() throws Exception {
        Path text = dir.resolve("text.parquet");
        Files.writeString(text, "this is not a parquet file, just some text that is long enough");
        Path empty = dir.resolve("empty.parquet");
        Files.write(empty, new byte[0]);
        Path truncated = dir.resolve("truncated.parquet");
        Files.copy(validFile("valid.parquet", ParquetCompression.SNAPPY), truncated);
        try (RandomAccessFile file = new RandomAccessFile(truncated.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        for (Path bad : List.of(text, empty, truncated)) {
            assertThatThrownBy(() -> new ParquetSource(bad.toString()))
                    .isInstanceOfSatisfying(SpillwayException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_INPUT))
                    .hasMessageContaining(bad.toString())
                    .hasMessageContaining("is not a valid Parquet file");
        }
    }

    @Test
    void schemaMismatchAcrossGlobNamesTheOffendingFile() {
        validFile("a-1.parquet", ParquetCompression.SNAPPY);
        Path other = dir.resolve("a-2.parquet");
        ParquetTestFiles.write(other, Schema.of(Field.of("b", DataType.BOOLEAN), Field.of("i", DataType.BIGINT)),
                List.of(List.of(true, 1L)), allocator);
        assertThatThrownBy(() -> new ParquetSource(dir + "/a-*.parquet"))
                .isInstanceOf(SpillwayException.class)
                .hasMessageContaining(other.toString())
                .hasMessageContaining("same columns");
    }

    @Test
    void fileDeletedAfterPlanning() throws Exception {
        Path file = validFile("gone.parquet", ParquetCompression.SNAPPY);
        ParquetSource source = new ParquetSource(file.toString());
        List<ScanTask> tasks = source.plan(allColumns(source, 100));
        Files.delete(file);
        assertThatThrownBy(() -> tasks.get(0).open(new ScanContext(allocator, 100, () -> false)))
                .isInstanceOfSatisfying(SpillwayException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.IO))
                .hasMessageContaining(file.toString());
    }

    /**
     * Corrupt bytes in the data pages (the footer stays intact): reading must fail cleanly, never crash the JVM
     * (Arrow's bounds checks are off), never leak, and name the file, row group and column.
     */
    @ParameterizedTest
    @EnumSource(value = ParquetCompression.class, names = {"SNAPPY", "UNCOMPRESSED"})
    void corruptPagesFailCleanly(ParquetCompression compression) throws Exception {
        Path valid = validFile("valid.parquet", compression);
        long length = Files.size(valid);
        long dataEnd = length - 8 - footerLength(valid);
        Random random = new Random(99);
        int failures = 0;
        for (int attempt = 0; attempt < 60; attempt++) {
            Path corrupt = dir.resolve("corrupt.parquet");
            Files.copy(valid, corrupt, StandardCopyOption.REPLACE_EXISTING);
            try (RandomAccessFile file = new RandomAccessFile(corrupt.toFile(), "rw")) {
                for (int i = 0; i < 1 + attempt % 8; i++) {
                    file.seek(4 + (long) (random.nextDouble() * (dataEnd - 4)));
                    file.write(random.nextInt(256));
                }
            }
            ParquetSource source = new ParquetSource(corrupt.toString());
            try {
                TableScans.readRows(source, allColumns(source, 700), allocator);
            } catch (SpillwayException e) {
                failures++;
                assertThat(e.getMessage()).contains(corrupt.toString()).contains("row group").contains("column");
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
        // Most corruptions are detected (some only change a value, which Parquet cannot notice without checksums).
        assertThat(failures).isGreaterThan(10);
    }

    @Test
    void cancellationStopsTheReaderBetweenBatches() {
        Path file = validFile("cancel.parquet", ParquetCompression.SNAPPY);
        ParquetSource source = new ParquetSource(file.toString());
        AtomicBoolean cancelled = new AtomicBoolean();
        ScanTask task = source.plan(allColumns(source, 100)).get(0);
        try (BatchReader reader = task.open(new ScanContext(allocator, 100, cancelled::get))) {
            try (Batch first = reader.next()) {
                assertThat(first.rowCount()).isEqualTo(100);
            }
            cancelled.set(true);
            assertThatThrownBy(reader::next)
                    .isInstanceOfSatisfying(SpillwayException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CANCELLED));
        }
    }

    @Test
    void readerClosedMidwayReleasesEverything() {
        Path file = validFile("partial.parquet", ParquetCompression.ZSTD);
        ParquetSource source = new ParquetSource(file.toString());
        try (BatchReader reader = source.plan(allColumns(source, 64)).get(0).open(new ScanContext(allocator, 64, () -> false))) {
            reader.next().close();
            Batch kept = reader.next();
            assertThat(allocator.getAllocatedMemory()).isGreaterThan(kept.sizeInBytes());
            kept.close();
        }
    }

    private static int footerLength(Path file) throws Exception {
        byte[] tail = new byte[8];
        try (RandomAccessFile input = new RandomAccessFile(file.toFile(), "r")) {
            input.seek(input.length() - 8);
            input.readFully(tail);
        }
        return ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    }
}
