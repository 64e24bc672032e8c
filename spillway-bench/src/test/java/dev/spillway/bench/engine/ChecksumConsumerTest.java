package dev.spillway.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChecksumConsumerTest {
    @Test
    void countsRowsAndIgnoresTheirOrderButNotTheirValues() {
        ChecksumConsumer forward = consume(new Object[] {"a", 1L}, new Object[] {"b", 2L}, new Object[] {null, new BigDecimal("1.5")});
        ChecksumConsumer backward = consume(new Object[] {null, new BigDecimal("1.5")}, new Object[] {"b", 2L}, new Object[] {"a", 1L});
        ChecksumConsumer swappedInRow = consume(new Object[] {"b", 1L}, new Object[] {"a", 2L}, new Object[] {null, new BigDecimal("1.5")});
        assertThat(forward.rows()).isEqualTo(3);
        assertThat(forward.checksum()).isEqualTo(backward.checksum());
        assertThat(forward.checksum()).isNotEqualTo(swappedInRow.checksum());
    }

    @Test
    void theCollectorKeepsCopiesOfTheReusedRowArray() {
        RowCollector collector = new RowCollector();
        Object[] reused = {"first"};
        collector.accept(reused);
        reused[0] = "second";
        collector.accept(reused);
        assertThat(collector.rows()).extracting(row -> row.getFirst()).containsExactly("first", "second");
    }

    private static ChecksumConsumer consume(Object[]... rows) {
        ChecksumConsumer consumer = new ChecksumConsumer();
        for (Object[] row : rows) {
            consumer.accept(row);
        }
        return consumer;
    }
}
