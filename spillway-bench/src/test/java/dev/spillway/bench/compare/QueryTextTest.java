package dev.spillway.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.bench.tpch.TpchQueries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTextTest {
    @Test
    void findsAnOrderByOutsideParentheses() {
        assertThat(QueryText.hasTopLevelOrderBy("SELECT a FROM t ORDER BY a")).isTrue();
        assertThat(QueryText.hasTopLevelOrderBy("select a from t order\n  by a desc limit 3")).isTrue();
        assertThat(QueryText.hasTopLevelOrderBy("SELECT a FROM t ORDER /* why not */ BY a")).isTrue();
        assertThat(QueryText.hasTopLevelOrderBy("SELECT a FROM t")).isFalse();
    }

    @Test
    void ignoresOrderByInSubqueriesWindowsCommentsAndStrings() {
        assertThat(QueryText.hasTopLevelOrderBy("SELECT * FROM (SELECT a FROM t ORDER BY a LIMIT 5) s")).isFalse();
        assertThat(QueryText.hasTopLevelOrderBy("SELECT rank() OVER (PARTITION BY b ORDER BY a) FROM t")).isFalse();
        assertThat(QueryText.hasTopLevelOrderBy("SELECT a FROM t -- ORDER BY a\nWHERE a > 1")).isFalse();
        assertThat(QueryText.hasTopLevelOrderBy("SELECT a FROM t /* ORDER BY a */")).isFalse();
        assertThat(QueryText.hasTopLevelOrderBy("SELECT 'it''s ORDER BY a' FROM t")).isFalse();
        assertThat(QueryText.hasTopLevelOrderBy("SELECT \"ORDER\" BY_NOT FROM t")).isFalse();
        assertThat(QueryText.hasTopLevelOrderBy("SELECT a AS border, by FROM t")).isFalse();
    }

    @Test
    void tpchQueriesWithoutOrderByAreTheSingleRowAggregates() {
        List<Integer> unordered = new ArrayList<>();
        for (int q = 1; q <= TpchQueries.COUNT; q++) {
            if (!QueryText.hasTopLevelOrderBy(TpchQueries.sql(q))) {
                unordered.add(q);
            }
        }
        assertThat(unordered).containsExactly(6, 14, 17, 19);
    }
}
