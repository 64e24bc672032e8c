package dev.spillway.bench.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TpchQueriesTest {
    @Test
    void textsAreSingleStatementsWithoutTheSemicolon() {
        for (int q = 1; q <= TpchQueries.COUNT; q++) {
            assertThat(TpchQueries.sql(q)).matches("(?s)(SELECT|WITH)\\s.*").doesNotEndWith(";");
        }
    }

    @Test
    void namesArePaddedToTwoDigits() {
        assertThat(TpchQueries.name(1)).isEqualTo("Q01");
        assertThat(TpchQueries.name(22)).isEqualTo("Q22");
        assertThatThrownBy(() -> TpchQueries.name(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TpchQueries.sql(23)).isInstanceOf(IllegalArgumentException.class);
    }
}
