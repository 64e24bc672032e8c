package dev.spillway.sql.slt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.types.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SltResultTest {
    @Test
    void formatsValuesAsTheCsvWriterDoes() {
        SltResult result = SltResult.of(
                List.of(DataType.BIGINT, DataType.DOUBLE, DataType.decimal(5, 2), DataType.VARCHAR, DataType.VARCHAR, DataType.DATE,
                        DataType.TIMESTAMP, DataType.BOOLEAN),
                List.of(Arrays.asList(1L, 0.1 + 0.2, new BigDecimal("1.50"), "", null, LocalDate.of(2024, 2, 29),
                        LocalDateTime.of(2024, 1, 1, 12, 0, 0, 500_000_000), true)));
        assertThat(result.types()).isEqualTo("IRRTTTTT");
        assertThat(result.lines(SortMode.NOSORT))
                .containsExactly("1\t0.30000000000000004\t1.50\t(empty)\tNULL\t2024-02-29\t2024-01-01 12:00:00.5\ttrue");
    }

    @Test
    void sortModes() {
        SltResult result = SltResult.of(List.of(DataType.BIGINT, DataType.VARCHAR), List.of(List.of(2L, "b"), List.of(10L, "a")));
        assertThat(result.lines(SortMode.NOSORT)).containsExactly("2\tb", "10\ta");
        assertThat(result.lines(SortMode.ROWSORT)).containsExactly("10\ta", "2\tb");
        assertThat(result.lines(SortMode.VALUESORT)).containsExactly("10", "2", "a", "b");
    }

    @Test
    void doublesMatchWithinTheTolerance() {
        SltResult result = SltResult.of(List.of(DataType.DOUBLE, DataType.BIGINT), List.of(List.of(0.1 + 0.2, 3L)));
        assertThat(result.matches(List.of("0.3\t3"), SortMode.NOSORT)).isTrue();
        assertThat(result.matches(List.of("0.3\t4"), SortMode.NOSORT)).isFalse();
        assertThat(result.matches(List.of("0.31\t3"), SortMode.NOSORT)).isFalse();
    }
}
