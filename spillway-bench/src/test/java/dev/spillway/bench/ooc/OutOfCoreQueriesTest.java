package dev.spillway.bench.ooc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.bench.compare.QueryText;
import dev.spillway.bench.engine.BenchScript;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutOfCoreQueriesTest {
    @Test
    void namesAreUniqueAndFoundWhateverTheCase() {
        assertThat(OutOfCoreQueries.names()).doesNotHaveDuplicates().hasSize(12);
        assertThat(OutOfCoreQueries.byName(" Q10 ").name()).isEqualTo("q10");
        assertThatThrownBy(() -> OutOfCoreQueries.byName("q0")).hasMessageContaining("the queries are q1, q2, q3");
    }

    @Test
    void aChecksumSumsEveryColumnOfTheGroupedResult() {
        assertThat(OutOfCoreQueries.checksum("SELECT id3, sum(v1) AS v1 FROM x GROUP BY id3", List.of("id3"), List.of("v1")))
                .isEqualTo("SELECT count(*) AS group_count, sum(length(id3)) AS id3_length, sum(v1) AS v1_sum"
                        + " FROM (SELECT id3, sum(v1) AS v1 FROM x GROUP BY id3)");
    }

    @Test
    void theLargeGroupingsAreChecksummedAndTheSmallOnesAreNot() {
        for (String name : List.of("q3", "q5", "q7", "q8", "q10")) {
            assertThat(OutOfCoreQueries.byName(name).sql()).as(name).startsWith("SELECT count(*) AS group_count");
        }
        for (String name : List.of("q1", "q2", "q4", "q6", "q9")) {
            assertThat(OutOfCoreQueries.byName(name).sql()).as(name).doesNotContain("group_count");
        }
    }

    @Test
    void substitutionsForMissingFunctionsAreDeclared() {
        for (String name : List.of("q6", "q8", "q9")) {
            assertThat(OutOfCoreQueries.byName(name).change()).as(name).isPresent();
        }
        assertThat(OutOfCoreQueries.ALL.stream().filter(query -> query.change().isPresent()).map(OutOfCoreQuery::name))
                .containsExactly("q6", "q8", "q9");
        assertThat(OutOfCoreQueries.ALL).noneMatch(query -> query.sql().matches("(?is).*\\b(median|corr|over)\\s*\\(.*"));
    }

    @Test
    void theSortWritesItsResultAndChecksTheFileAsAScript() {
        BenchScript script = BenchScript.parse(OutOfCoreQueries.byName("order_by").sql());
        assertThat(script.statements()).containsExactly("COPY (SELECT * FROM o ORDER BY k, id) TO '{output}' (FORMAT parquet)");
        assertThat(script.query()).contains("read_parquet('{output}')", "count(*) AS row_count", "LIMIT 1000");
        // Its answer is one row: no top-level ORDER BY, so the comparison does not care about row order.
        assertThat(QueryText.hasTopLevelOrderBy(OutOfCoreQueries.byName("order_by").sql())).isFalse();
        assertThat(OutOfCoreQueries.byName("order_by").table()).isEqualTo(OutOfCoreTable.O);
        assertThat(OutOfCoreQueries.byName("count_distinct").table()).isEqualTo(OutOfCoreTable.O);
    }
}
