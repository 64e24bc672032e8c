package dev.spillway.exec.sort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.data.Batch;
import dev.spillway.data.BatchBuilder;
import dev.spillway.data.Values;
import dev.spillway.testing.TestAllocators;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

/**
 * The sort of row references (packed first keys where they fit, the merge sort where they do not) against
 * plain Java sorting of the same values: every key type and value shape, both directions, both NULL places,
 * a second key that breaks ties.
 */
class PackedKeySortTest {
    private record Shape(String name, DataType type, Supplier<Object> values) {}

    @Test
    void sortsLikeJavaOnEveryShape() {
        Random random = new Random(7);
        List<Shape> shapes = List.of(
                new Shape("small ints with ties", DataType.INTEGER, () -> random.nextInt(50) - 25),
                new Shape("all ints", DataType.INTEGER, random::nextInt),
                new Shape("narrow bigints", DataType.BIGINT, () -> 1_000_000_000_000L + random.nextInt(1000)),
                new Shape("bigints over the whole range (do not pack)", DataType.BIGINT, random::nextLong),
                new Shape("dates", DataType.DATE, () -> java.time.LocalDate.ofEpochDay(random.nextInt(2000))),
                new Shape("doubles with -0.0", DataType.DOUBLE, () -> random.nextInt(10) == 0 ? -0.0 : (double) (random.nextInt(7) - 3)),
                new Shape("doubles with NaN and infinities", DataType.DOUBLE,
                        () -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5, -2.25, 0.0}[random.nextInt(6)]),
                new Shape("strings with shared prefixes", DataType.VARCHAR, () -> "prefix-" + random.nextInt(30)),
                new Shape("short and unicode strings", DataType.VARCHAR,
                        () -> new String[] {"", "a", "ab", "ab\u0000", "b", "é", "\uD83D\uDE00", "zz"}[random.nextInt(8)]));
        BufferAllocator allocator = TestAllocators.newRoot();
        for (Shape shape : shapes) {
            Schema schema = Schema.of(Field.of("k", shape.type()), Field.of("id", DataType.BIGINT));
            List<Batch> batches = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            try {
                long id = 0;
                for (int b = 0; b < 4; b++) {
                    int count = 1 + random.nextInt(400);
                    try (BatchBuilder builder = new BatchBuilder(schema, count, allocator)) {
                        for (int r = 0; r < count; r++) {
                            Object key = random.nextInt(8) == 0 ? null : shape.values().get();
                            builder.appendRow(key, id);
                            rows.add(new Object[] {b, r, key, id++});
                        }
                        batches.add(builder.finish());
                    }
                }
                for (boolean ascending : new boolean[] {true, false}) {
                    for (boolean nullsFirst : new boolean[] {true, false}) {
                        for (boolean tieBreak : new boolean[] {true, false}) {
                            List<SortSpec> keys = tieBreak ? List.of(new SortSpec(0, ascending, nullsFirst), new SortSpec(1, true, false))
                                    : List.of(new SortSpec(0, ascending, nullsFirst));
                            long[] references = new long[rows.size()];
                            for (int i = 0; i < references.length; i++) {
                                references[i] = RowComparator.reference((int) rows.get(i)[0], (int) rows.get(i)[1]);
                            }
                            new RowComparator(batches, keys).sort(references, references.length);
                            // Rows were numbered in input order, so the id also checks that equal keys keep it (stable).
                            Comparator<Object[]> expected = Comparator.comparing((Object[] row) -> row[2], keyOrder(shape.type(), ascending, nullsFirst))
                                    .thenComparing(row -> (Long) row[3]);
                            List<Long> want = rows.stream().sorted(expected).map(row -> (Long) row[3]).toList();
                            List<Long> got = new ArrayList<>();
                            for (long reference : references) {
                                got.add((Long) Values.get(batches.get(RowComparator.batch(reference)).column(1), DataType.BIGINT, RowComparator.row(reference)));
                            }
                            assertThat(got).as("%s, %s, nulls %s, tie-break %s", shape.name(), ascending ? "ASC" : "DESC",
                                    nullsFirst ? "first" : "last", tieBreak).isEqualTo(want);
                        }
                    }
                }
            } finally {
                batches.forEach(Batch::close);
            }
        }
        TestAllocators.closeChecked(allocator);
    }

    /** SQL order of one key: strings by UTF-8 bytes, doubles with -0.0 = 0.0 and NaN last; NULLs placed regardless of direction. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object> keyOrder(DataType type, boolean ascending, boolean nullsFirst) {
        Comparator<Object> values = switch (type.id()) {
            case VARCHAR -> (a, b) -> Arrays.compareUnsigned(((String) a).getBytes(StandardCharsets.UTF_8), ((String) b).getBytes(StandardCharsets.UTF_8));
            case DOUBLE -> (a, b) -> {
                double x = (Double) a == 0 ? 0.0 : (Double) a;
                double y = (Double) b == 0 ? 0.0 : (Double) b;
                return Double.compare(x, y);
            };
            default -> (a, b) -> ((Comparable) a).compareTo(b);
        };
        Comparator<Object> directed = ascending ? values : values.reversed();
        return nullsFirst ? Comparator.nullsFirst(directed) : Comparator.nullsLast(directed);
    }
}
