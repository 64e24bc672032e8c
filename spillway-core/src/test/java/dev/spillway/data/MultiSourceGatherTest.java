package dev.spillway.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/** Rows picked from several batches, with NULLs, padding rows and every layout, against the values picked one by one. */
class MultiSourceGatherTest {
    private static final List<DataType> TYPES = List.of(DataType.INTEGER, DataType.BIGINT, DataType.DOUBLE, DataType.VARCHAR,
            DataType.BOOLEAN, DataType.DATE, DataType.decimal(38, 10));

    @Test
    void picksTheSameValuesAsReadingThemOneByOne() {
        Random random = new Random(42);
        BufferAllocator allocator = TestAllocators.newRoot();
        for (int round = 0; round < 20; round++) {
            for (DataType type : TYPES) {
                Schema schema = new Schema(List.of(Field.of("c", type)));
                boolean withNulls = round % 2 == 0;
                List<Batch> sources = new ArrayList<>();
                try {
                    int sourceCount = 1 + random.nextInt(5);
                    for (int s = 0; s < sourceCount; s++) {
                        // Some sources are empty: they are never picked but must not confuse the set-up.
                        int rows = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(300);
                        try (BatchBuilder builder = new BatchBuilder(schema, rows, allocator)) {
                            for (int r = 0; r < rows; r++) {
                                builder.appendRow(withNulls && random.nextInt(5) == 0 ? null : value(type, random));
                            }
                            sources.add(builder.finish());
                        }
                    }
                    int picked = random.nextInt(500);
                    int[] sourceOf = new int[picked];
                    int[] indexIn = new int[picked];
                    for (int r = 0; r < picked; r++) {
                        int s = random.nextInt(sources.size());
                        boolean padding = sources.get(s).rowCount() == 0 || (withNulls && random.nextInt(10) == 0);
                        sourceOf[r] = padding ? -1 : s;
                        indexIn[r] = padding ? 0 : random.nextInt(sources.get(s).rowCount());
                    }
                    FieldVector[] vectors = sources.stream().map(batch -> batch.column(0)).toArray(FieldVector[]::new);
                    try (FieldVector out = MultiSourceGather.assemble(type, vectors, sourceOf, indexIn, picked, allocator)) {
                        assertThat(out.getValueCount()).isEqualTo(picked);
                        for (int r = 0; r < picked; r++) {
                            Object expected = sourceOf[r] < 0 ? null : Values.get(vectors[sourceOf[r]], type, indexIn[r]);
                            assertThat(Values.get(out, type, r)).as("%s row %d of round %d", type, r, round).isEqualTo(expected);
                        }
                    }
                } finally {
                    sources.forEach(Batch::close);
                }
            }
        }
        TestAllocators.closeChecked(allocator);
    }

    private static Object value(DataType type, Random random) {
        return switch (type.id()) {
            case INTEGER -> random.nextInt();
            case BIGINT -> random.nextLong();
            case DOUBLE -> random.nextInt(20) == 0 ? -0.0 : random.nextGaussian() * 1e6;
            case VARCHAR -> {
                // Empty, short, exactly 8 and 16 bytes, long, and multi-byte UTF-8.
                String[] shapes = {"", "a", "héllo", "12345678", "0123456789abcdef", "ü".repeat(1 + random.nextInt(40)), "x".repeat(random.nextInt(100))};
                yield shapes[random.nextInt(shapes.length)];
            }
            case BOOLEAN -> random.nextBoolean();
            case DATE -> LocalDate.ofEpochDay(random.nextInt(40_000) - 20_000);
            case DECIMAL -> new BigDecimal(random.nextLong()).movePointLeft(10).multiply(BigDecimal.valueOf(random.nextInt(1000)));
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    @Test
    void aGatherSetUpOnceServesManyPicks() {
        BufferAllocator allocator = TestAllocators.newRoot();
        Schema schema = new Schema(List.of(Field.of("s", DataType.VARCHAR)));
        try (BatchBuilder first = new BatchBuilder(schema, 2, allocator); BatchBuilder second = new BatchBuilder(schema, 2, allocator)) {
            first.appendRow("first-a");
            first.appendRow((Object) null);
            second.appendRow("second-a");
            second.appendRow("second-b, longer than sixteen bytes");
            try (Batch a = first.finish(); Batch b = second.finish()) {
                MultiSourceGather gather = new MultiSourceGather(DataType.VARCHAR, new FieldVector[] {a.column(0), b.column(0)}, new int[] {2, 2});
                try (FieldVector one = gather.gather(new int[] {1, 0, 0}, new int[] {1, 1, 0}, 3, allocator);
                        FieldVector two = gather.gather(new int[] {1, -1}, new int[] {0, 0}, 2, allocator)) {
                    assertThat(Arrays.asList(Values.get(one, DataType.VARCHAR, 0), Values.get(one, DataType.VARCHAR, 1), Values.get(one, DataType.VARCHAR, 2)))
                            .containsExactly("second-b, longer than sixteen bytes", null, "first-a");
                    assertThat(Arrays.asList(Values.get(two, DataType.VARCHAR, 0), Values.get(two, DataType.VARCHAR, 1)))
                            .containsExactly("second-a", null);
                }
            }
        }
        TestAllocators.closeChecked(allocator);
    }
}
