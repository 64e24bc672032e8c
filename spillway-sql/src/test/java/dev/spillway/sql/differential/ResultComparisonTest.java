package dev.spillway.sql.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison the differential suite relies on finds real differences and forgives only what it should. */
class ResultComparisonTest {
    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void rowOrderMattersOnlyForOrderedQueries() {
        List<List<Object>> duckDb = List.of(row(1, "a"), row(2, "b"));
        List<List<Object>> spillway = List.of(row(2, "b"), row(1, "a"));
        assertThat(ResultComparison.difference(duckDb, spillway, null)).isNull();
        assertThat(ResultComparison.difference(duckDb, spillway, List.of(0))).startsWith("order differs at row 0");
    }

    @Test
    void rowsTiedOnTheSortKeysMayComeInAnyOrder() {
        List<List<Object>> duckDb = List.of(row(1, "a"), row(1, "b"), row(2, "c"));
        List<List<Object>> spillway = List.of(row(1, "b"), row(1, "a"), row(2, "c"));
        assertThat(ResultComparison.difference(duckDb, spillway, List.of(0))).isNull();
        assertThat(ResultComparison.difference(duckDb, spillway, List.of(0, 1))).isNotNull();
    }

    @Test
    void doublesWithinTheToleranceAndSignedZerosAreEqual() {
        assertThat(ResultComparison.difference(List.of(row(0.1 + 0.2)), List.of(row(0.3)), null)).isNull();
        assertThat(ResultComparison.difference(List.of(row(-0.0)), List.of(row(0.0)), null)).isNull();
        assertThat(ResultComparison.difference(List.of(row(Double.NaN)), List.of(row(Double.NaN)), null)).isNull();
        assertThat(ResultComparison.difference(List.of(row(1.0)), List.of(row(1.000001)), null)).isNotNull();
    }

    @Test
    void decimalsStringsAndNullsMustBeEqualExactly() {
        assertThat(ResultComparison.difference(List.of(row(new BigDecimal("1.10"))), List.of(row(new BigDecimal("1.1"))), null)).isNull();
        assertThat(ResultComparison.difference(List.of(row(new BigDecimal("1.10"))), List.of(row(new BigDecimal("1.11"))), null)).isNotNull();
        assertThat(ResultComparison.difference(List.of(row("a")), List.of(row("a ")), null)).isNotNull();
        assertThat(ResultComparison.difference(List.of(row((Object) null)), List.of(row((Object) null)), null)).isNull();
        assertThat(ResultComparison.difference(List.of(row((Object) null)), List.of(row(0)), null)).isNotNull();
    }

    @Test
    void missingOrExtraRowsAreDifferences() {
        assertThat(ResultComparison.difference(List.of(row(1), row(1)), List.of(row(1)), null)).startsWith("DuckDB gives 2 rows, Spillway 1");
        assertThat(ResultComparison.difference(List.of(row(1), row(2)), List.of(row(1), row(1)), null)).startsWith("rows differ");
    }

    @Test
    void integersCompareByValueAcrossWidths() {
        assertThat(ResultComparison.difference(List.of(row(5L)), List.of(row(5)), null)).isNull();
    }
}
