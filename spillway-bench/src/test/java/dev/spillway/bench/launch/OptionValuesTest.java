package dev.spillway.bench.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionValuesTest {
    @Test
    void wholeNumbersWithinTheirBounds() {
        assertThat(OptionValues.nonNegativeInt("--warmup", "0")).isZero();
        assertThat(OptionValues.longBetween("--rows", "100_000_000", 100, 2_000_000_000L)).isEqualTo(100_000_000L);
        assertThatThrownBy(() -> OptionValues.longBetween("--rows", "99", 100, 1000))
                .hasMessage("--rows takes a whole number from 100 to 1000, got '99'");
        assertThatThrownBy(() -> OptionValues.positiveInt("--runs", "0")).hasMessage("--runs takes a whole number of at least 1, got '0'");
        assertThatThrownBy(() -> OptionValues.nonNegativeInt("--warmup", "-1")).hasMessageContaining("at least 0");
    }

    @Test
    void sizesDurationsAndLimits() {
        assertThat(OptionValues.bytes("--throughput-size", "1GiB")).isEqualTo(1L << 30);
        assertThat(OptionValues.bytes("--throughput-size", "0")).isZero();
        assertThat(OptionValues.duration("--timeout", "20m")).isEqualTo(Duration.ofMinutes(20));
        assertThat(OptionValues.memoryLimit("--memory-limit", " 64MB ")).isEqualTo("64MB");
        assertThatThrownBy(() -> OptionValues.bytes("--throughput-size", "much")).hasMessageContaining("--throughput-size");
        assertThatThrownBy(() -> OptionValues.memoryLimit("--memory-limit", "50%")).hasMessageContaining("not a percentage");
    }
}
