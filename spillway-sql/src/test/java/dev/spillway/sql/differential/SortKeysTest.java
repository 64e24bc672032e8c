package dev.spillway.sql.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SortKeysTest {
    private static final List<String> OUTPUT = List.of("id", "name", "total");

    @Test
    void queriesWithoutTheirOwnOrderByAreUnordered() {
        assertThat(SortKeys.of("SELECT id FROM t", OUTPUT)).isNull();
        assertThat(SortKeys.of("SELECT * FROM (SELECT id FROM t ORDER BY id LIMIT 3) q", OUTPUT)).isNull();
        assertThat(SortKeys.of("SELECT id, row_number() OVER (ORDER BY id) FROM t", OUTPUT)).isNull();
    }

    @Test
    void keysByPositionNameOrQualifiedName() {
        assertThat(SortKeys.of("SELECT id, name, total FROM t ORDER BY 3 DESC, name NULLS FIRST, t.id LIMIT 5", OUTPUT)).containsExactly(2, 1, 0);
        assertThat(SortKeys.of("SELECT a UNION ALL SELECT b ORDER BY \"Total\" DESC", OUTPUT)).containsExactly(2);
    }

    @Test
    void anExpressionKeyMakesEveryColumnAKey() {
        assertThat(SortKeys.of("SELECT id, name, total FROM t ORDER BY length(name), id", OUTPUT)).containsExactly(0, 1, 2);
    }
}
