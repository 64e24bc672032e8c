package dev.spillway.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultComparatorTest {
    private static CapturedResult result(List<String> columns, Object[]... rows) {
        List<List<Object>> list = new ArrayList<>();
        for (Object[] row : rows) {
            list.add(Arrays.asList(row));
        }
        return new CapturedResult(columns, list);
    }

    private static Object[] row(Object... values) {
        return values;
    }

    @Test
    void doublesAgreeWithinTheRelativeTolerance() {
        assertThat(ResultComparator.valuesEqual(38250.854626, 38250.854626 * (1 + 1e-12))).isTrue();
        assertThat(ResultComparator.valuesEqual(1e15, 1e15 + 1)).isTrue();
        assertThat(ResultComparator.valuesEqual(0.0, 1e-15)).isTrue();
        assertThat(ResultComparator.valuesEqual(38250.85, 38250.86)).isFalse();
        assertThat(ResultComparator.valuesEqual(1.0, 1.0 + 1e-6)).isFalse();
        assertThat(ResultComparator.valuesEqual(Double.NaN, Double.NaN)).isTrue();
        assertThat(ResultComparator.valuesEqual(Double.POSITIVE_INFINITY, 1e308)).isFalse();
    }

    @Test
    void aDoubleOnEitherSideMakesTheComparisonTolerant() {
        assertThat(ResultComparator.valuesEqual(new BigDecimal("0.05"), 0.05000000000001)).isTrue();
        assertThat(ResultComparator.valuesEqual(25.5, new BigDecimal("25.50"))).isTrue();
    }

    @Test
    void decimalsAndIntegersMustBeExactlyEqualWhateverTheScale() {
        assertThat(ResultComparator.valuesEqual(new BigDecimal("1.50"), new BigDecimal("1.5"))).isTrue();
        assertThat(ResultComparator.valuesEqual(new BigDecimal("123456789012.3456"), new BigDecimal("123456789012.3457"))).isFalse();
        assertThat(ResultComparator.valuesEqual(42, 42L)).isTrue();
        assertThat(ResultComparator.valuesEqual(42L, new BigDecimal("42.00"))).isTrue();
        assertThat(ResultComparator.valuesEqual(42L, 43L)).isFalse();
    }

    @Test
    void stringsDatesAndBooleansMustBeEqual() {
        assertThat(ResultComparator.valuesEqual("BRAZIL", "BRAZIL")).isTrue();
        assertThat(ResultComparator.valuesEqual("BRAZIL", "BRAZIL ")).isFalse();
        assertThat(ResultComparator.valuesEqual("brazil", "BRAZIL")).isFalse();
        assertThat(ResultComparator.valuesEqual(LocalDate.of(1995, 3, 15), LocalDate.of(1995, 3, 15))).isTrue();
        assertThat(ResultComparator.valuesEqual(LocalDate.of(1995, 3, 15), "1995-03-15")).isFalse();
        assertThat(ResultComparator.valuesEqual(true, false)).isFalse();
    }

    @Test
    void nullEqualsOnlyNull() {
        assertThat(ResultComparator.valuesEqual(null, null)).isTrue();
        assertThat(ResultComparator.valuesEqual(null, 0L)).isFalse();
        assertThat(ResultComparator.valuesEqual("", null)).isFalse();
    }

    @Test
    void rowOrderCountsOnlyForOrderedQueries() {
        CapturedResult expected = result(List.of("k", "v"), row("a", 1L), row("b", 2L), row(null, 3L));
        CapturedResult shuffled = result(List.of("k", "v"), row("b", 2L), row(null, 3L), row("a", 1L));
        assertThat(ResultComparator.compare(expected, shuffled, false).matches()).isTrue();
        Comparison ordered = ResultComparator.compare(expected, shuffled, true);
        assertThat(ordered.matches()).isFalse();
        assertThat(ordered.differences().getFirst()).startsWith("row 1, column k: expected 'a' (String), got 'b' (String)");
    }

    @Test
    void unorderedRowsLineUpEvenWhenTheirDoublesDifferInTheLastBits() {
        // Sorted by the double first, the rows would pair up wrongly: exact columns decide the order.
        CapturedResult expected = result(List.of("d", "k"), row(1.0000000000001, "x"), row(1.0, "y"));
        CapturedResult actual = result(List.of("d", "k"), row(1.0000000000000, "x"), row(1.0000000000001, "y"));
        assertThat(ResultComparator.compare(expected, actual, false).matches()).isTrue();
    }

    @Test
    void aDifferentNumberOfRowsOrColumnsIsReported() {
        CapturedResult two = result(List.of("k"), row(1L), row(2L));
        CapturedResult three = result(List.of("k"), row(1L), row(2L), row(3L));
        assertThat(ResultComparator.compare(two, three, true).differences()).containsExactly("expected 2 rows, got 3");
        CapturedResult wide = result(List.of("k", "extra"), row(1L, 0L), row(2L, 0L));
        assertThat(ResultComparator.compare(two, wide, true).differences().getFirst())
                .isEqualTo("expected 1 columns [k], got 2 [k, extra]");
    }

    @Test
    void nullsAreComparedNotSkipped() {
        CapturedResult expected = result(List.of("k", "v"), row(1L, null));
        CapturedResult actual = result(List.of("k", "v"), row(1L, 0L));
        assertThat(ResultComparator.compare(expected, actual, false).differences())
                .containsExactly("sorted row 1, column v: expected NULL, got 0 (Long)");
    }

    @Test
    void reportsAtMostAFewDifferences() {
        Object[][] left = new Object[20][];
        Object[][] right = new Object[20][];
        for (int i = 0; i < 20; i++) {
            left[i] = row((long) i);
            right[i] = row((long) i + 100);
        }
        Comparison comparison = ResultComparator.compare(result(List.of("k"), left), result(List.of("k"), right), true);
        assertThat(comparison.differences()).hasSize(ResultComparator.MAX_DIFFERENCES);
    }
}
