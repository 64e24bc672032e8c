package dev.spillway.sql.tpch;

import dev.spillway.io.tpch.TpchQueryText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.plan.Join;
import dev.spillway.plan.JoinType;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.sql.testing.DuckDbOracle;
import dev.spillway.sql.testing.Golden;
import dev.spillway.sql.testing.PlanPrinter;
import dev.spillway.sql.testing.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All 22 TPC-H queries (DuckDB's texts and parameters) translate; their result columns have DuckDB's names
 * and types (asked from DuckDB itself); their plans match the golden files under {@code tpch/plans}.
 */
class TpchTranslationTest {
    private static DuckDbOracle duckDb;

    @BeforeAll
    static void startDuckDb() {
        duckDb = new DuckDbOracle();
    }

    @AfterAll
    static void stopDuckDb() {
        duckDb.close();
    }

    static Stream<String> queries() {
        return IntStream.rangeClosed(1, 22).mapToObj(i -> String.format("q%02d", i));
    }

    private static String text(String query) {
        return TpchQueryText.sql(Integer.parseInt(query.substring(1)));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void resultColumnsAreDuckDbs(String query) {
        LogicalPlan plan = Sql.plan(text(query));
        String duckDbText = text(query).strip().replaceAll(";$", "");
        assertThat(DuckDbOracle.describe(plan.schema())).isEqualTo(DuckDbOracle.spillwayEquivalents(duckDb.describe(duckDbText)));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void planMatchesGoldenFile(String query) {
        Golden.assertMatches("tpch/plans/" + query + ".plan", PlanPrinter.print(Sql.plan(text(query))));
    }

    @Test
    void subQueriesBecomeSemiAndAntiJoins() {
        assertThat(joinTypes("q04")).containsExactly(JoinType.SEMI);
        assertThat(joinTypes("q16")).contains(JoinType.ANTI);
        assertThat(joinTypes("q18")).contains(JoinType.SEMI);
        assertThat(joinTypes("q20")).contains(JoinType.SEMI, JoinType.LEFT);
        assertThat(joinTypes("q21")).contains(JoinType.SEMI, JoinType.ANTI);
        assertThat(joinTypes("q22")).contains(JoinType.ANTI);
        assertThat(joinTypes("q13")).containsExactly(JoinType.LEFT);
        // Correlated scalar sub-queries: a LEFT join with the aggregate grouped by the correlation key.
        assertThat(joinTypes("q02")).contains(JoinType.LEFT);
        assertThat(joinTypes("q17")).contains(JoinType.LEFT);
    }

    @Test
    void commaJoinsStayJoinsWithTheirPredicatesInTheFilter() {
        String plan = PlanPrinter.shape(Sql.plan(text("q05")));
        assertThat(plan).startsWith("Sort\n  Aggregate\n    Project\n      Filter\n        Join INNER\n");
        assertThat(joinTypes("q05")).hasSize(5).containsOnly(JoinType.INNER);
    }

    @Test
    void notInIsNullAware() {
        String plan = PlanPrinter.print(Sql.plan(text("q16")));
        assertThat(plan).contains("Join ANTI (((ps_suppkey#1 = s_suppkey#14) OR is_null(ps_suppkey#1)) OR is_null(s_suppkey#14))");
    }

    private static List<JoinType> joinTypes(String query) {
        List<JoinType> types = new ArrayList<>();
        collectJoins(Sql.plan(text(query)), types);
        return types;
    }

    private static void collectJoins(LogicalPlan plan, List<JoinType> types) {
        if (plan instanceof Join join) {
            types.add(join.type());
        }
        for (LogicalPlan input : plan.inputs()) {
            collectJoins(input, types);
        }
    }
}
