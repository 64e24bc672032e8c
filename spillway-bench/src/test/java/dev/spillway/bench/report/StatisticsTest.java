package dev.spillway.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Statistics.median(List.of(5L, 1L, 3L))).isEqualTo(3.0);
        assertThat(Statistics.median(List.of(4L, 1L, 3L, 2L))).isEqualTo(2.5);
        assertThat(Statistics.median(List.of(7L))).isEqualTo(7.0);
        assertThatThrownBy(() -> Statistics.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void geometricMeanBalancesFasterAndSlower() {
        assertThat(Statistics.geometricMean(List.of(2.0, 0.5)).getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(Statistics.geometricMean(List.of(4.0, 1.0, 16.0)).getAsDouble()).isCloseTo(4.0, within(1e-12));
        assertThat(Statistics.geometricMean(List.of())).isEmpty();
        assertThatThrownBy(() -> Statistics.geometricMean(List.of(0.0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsReadNaturally() {
        assertThat(Durations.format(Duration.ofMillis(300))).isEqualTo("300 ms");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500 ms");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10 min");
    }
}
