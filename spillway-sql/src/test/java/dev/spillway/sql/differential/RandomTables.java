package dev.spillway.sql.differential;

import dev.spillway.data.Batch;
import dev.spillway.data.BatchBuilder;
import dev.spillway.io.parquet.ParquetBatchWriter;
import dev.spillway.io.parquet.ParquetWriteOptions;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The tables of the differential suite, generated from a seed and written as Parquet files with Spillway's
 * writer, so that both engines read the very same bytes:
 *
 * <ul>
 *   <li>{@code t}: every type, NULLs in every nullable column, a skewed join key {@code k} (30% of rows share
 *       one value), decimals of three widths (64-bit and 128-bit in Spillway);
 *   <li>{@code u}: a join partner whose keys {@code k}, {@code s}, {@code dt}, {@code b}, {@code dec4} overlap
 *       {@code t}'s, with NULL keys and duplicates;
 *   <li>{@code empty_t}: {@code t}'s columns, no rows; {@code one_t}: one row without NULLs;
 *   <li>{@code special_t}: {@code t}'s first rows with NaN, infinity and negative infinity among the doubles
 *       ({@code t} has none, so that its sums and averages stay finite).
 * </ul>
 *
 * Small row groups make several scan tasks per file.
 */
final class RandomTables {
    static final int T_ROWS = 4000;
    static final int U_ROWS = 600;
    static final int SPECIAL_ROWS = 500;
    private static final ParquetWriteOptions OPTIONS = ParquetWriteOptions.defaults().withRowGroupBytes(64 << 10);

    static final Schema T_SCHEMA = Schema.of(
            Field.of("id", DataType.BIGINT),
            Field.of("k", DataType.INTEGER),
            Field.of("i", DataType.INTEGER),
            Field.of("b", DataType.BIGINT),
            Field.of("d", DataType.DOUBLE),
            Field.of("dec4", DataType.decimal(4, 1)),
            Field.of("dec18", DataType.decimal(18, 3)),
            Field.of("dec38", DataType.decimal(38, 10)),
            Field.of("s", DataType.VARCHAR),
            Field.of("dt", DataType.DATE),
            Field.of("ts", DataType.TIMESTAMP),
            Field.of("flag", DataType.BOOLEAN));

    static final Schema U_SCHEMA = Schema.of(
            Field.of("uid", DataType.INTEGER),
            Field.of("k", DataType.INTEGER),
            Field.of("s", DataType.VARCHAR),
            Field.of("dt", DataType.DATE),
            Field.of("b", DataType.BIGINT),
            Field.of("dec4", DataType.decimal(4, 1)),
            Field.of("w", DataType.DOUBLE),
            Field.of("label", DataType.VARCHAR));

    private RandomTables() {}

    /** Writes the tables into {@code directory}; returns their files by table name. */
    static Map<String, Path> write(Path directory, long seed, BufferAllocator allocator) {
        RandomValues values = new RandomValues(seed);
        // Pools shared by t and u, so that join keys of every type match often.
        List<String> strings = new ArrayList<>();
        List<Object> dates = new ArrayList<>();
        List<Long> bigints = new ArrayList<>();
        List<Object> smallDecimals = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            strings.add(values.string(0));
            dates.add(values.date(0));
            bigints.add(values.bigint(0, 1_000_000_000_000L));
            smallDecimals.add(values.decimal(0, 3, 1));
        }
        List<List<Object>> t = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (long id = 0; id < T_ROWS; id++) {
            ids.add(id);
        }
        Collections.shuffle(ids, new Random(seed));
        for (long id : ids) {
            t.add(Arrays.asList(
                    id,
                    values.skewedKey(0.1, 0.3, 0, 200),
                    values.integer(0.15, 30_000),
                    values.chance(0.5) ? values.pick(bigints) : values.bigint(0.15, 1_000_000_000_000L),
                    values.doubleValue(0.15),
                    values.chance(0.15) ? null : values.pick(smallDecimals),
                    values.decimal(0.15, 15, 3),
                    values.decimal(0.15, 24, 10),
                    values.chance(0.15) ? null : values.chance(0.7) ? values.pick(strings) : values.string(0),
                    values.chance(0.15) ? null : values.chance(0.7) ? values.pick(dates) : values.date(0),
                    values.timestamp(0.15),
                    values.bool(0.15)));
        }
        // t's first rows again, with NaN and infinities among the doubles.
        List<List<Object>> special = new ArrayList<>();
        for (List<Object> row : t.subList(0, SPECIAL_ROWS)) {
            List<Object> copy = new ArrayList<>(row);
            copy.set(T_SCHEMA.require("d"), values.specialDouble(0.1));
            special.add(copy);
        }
        List<List<Object>> u = new ArrayList<>();
        for (int uid = 0; uid < U_ROWS; uid++) {
            u.add(Arrays.asList(
                    uid,
                    uid < 3 ? Integer.valueOf(0) : values.skewedKey(0.1, 0, 0, 250),
                    values.chance(0.1) ? null : values.pick(strings),
                    values.chance(0.1) ? null : values.pick(dates),
                    values.chance(0.1) ? null : values.pick(bigints),
                    values.chance(0.1) ? null : values.pick(smallDecimals),
                    values.doubleValue(0.1),
                    values.string(0.1)));
        }
        List<Object> one = new ArrayList<>(t.stream().filter(row -> !row.contains(null)).findFirst().orElseThrow());
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("t", writeParquet(directory.resolve("t.parquet"), T_SCHEMA, t, allocator));
        files.put("u", writeParquet(directory.resolve("u.parquet"), U_SCHEMA, u, allocator));
        files.put("empty_t", writeParquet(directory.resolve("empty_t.parquet"), T_SCHEMA, List.of(), allocator));
        files.put("one_t", writeParquet(directory.resolve("one_t.parquet"), T_SCHEMA, List.of(one), allocator));
        files.put("special_t", writeParquet(directory.resolve("special_t.parquet"), T_SCHEMA, special, allocator));
        return files;
    }

    private static Path writeParquet(Path file, Schema schema, List<List<Object>> rows, BufferAllocator allocator) {
        int batchRows = 1000;
        try (ParquetBatchWriter writer = new ParquetBatchWriter(file, schema, OPTIONS, allocator)) {
            for (int start = 0; start < rows.size() || start == 0; start += batchRows) {
                try (BatchBuilder builder = new BatchBuilder(schema, batchRows, allocator)) {
                    for (List<Object> row : rows.subList(start, Math.min(rows.size(), start + batchRows))) {
                        builder.appendRow(row);
                    }
                    try (Batch batch = builder.finish()) {
                        writer.write(batch);
                    }
                }
            }
            writer.commit();
        }
        return file;
    }
}
