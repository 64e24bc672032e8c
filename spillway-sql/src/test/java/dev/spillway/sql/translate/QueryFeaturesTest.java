package dev.spillway.sql.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Sort;
import dev.spillway.plan.SortKey;
import dev.spillway.sql.testing.DuckDbOracle;
import dev.spillway.sql.testing.Golden;
import dev.spillway.sql.testing.PlanPrinter;
import dev.spillway.sql.testing.Sql;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL features, one query each ({@code features/queries.sql}: over tables DuckDB has too, whose result
 * columns must be DuckDB's; {@code features/spillway-only.sql}: files and table functions). Plans are
 * compared with {@code features/plans.txt}.
 */
class QueryFeaturesTest {
    private static DuckDbOracle duckDb;

    @BeforeAll
    static void startDuckDb() {
        duckDb = new DuckDbOracle();
    }

    @AfterAll
    static void stopDuckDb() {
        duckDb.close();
    }

    private static List<String> queries(String resource) {
        return Arrays.stream(Golden.read(resource).split(";\n")).map(String::strip).filter(query -> !query.isEmpty()).toList();
    }

    static Stream<String> duckDbQueries() {
        return queries("features/queries.sql").stream();
    }

    @ParameterizedTest
    @MethodSource("duckDbQueries")
    void resultColumnsAreDuckDbs(String query) {
        List<String> ours = DuckDbOracle.describe(Sql.plan(query).schema());
        List<String> theirs = DuckDbOracle.spillwayEquivalents(duckDb.describe(query)).stream()
                .map(column -> column.replace(" \"NULL\"", " NULL")).toList();
        if (query.contains("INTERVAL")) {
            // DuckDB names interval arithmetic after the functions it binds it to (to_months(...)): compare types.
            ours = ours.stream().map(QueryFeaturesTest::type).toList();
            theirs = theirs.stream().map(QueryFeaturesTest::type).toList();
        }
        assertThat(ours).as(query).isEqualTo(theirs);
    }

    private static String type(String column) {
        return column.substring(column.lastIndexOf(' ') + 1);
    }

    @Test
    void plansMatchGoldenFile() {
        String plans = Stream.concat(queries("features/queries.sql").stream(), queries("features/spillway-only.sql").stream())
                .map(query -> "== " + query + "\n" + Sql.plan(query).schema() + "\n" + PlanPrinter.print(Sql.plan(query)))
                .collect(Collectors.joining());
        Golden.assertMatches("features/plans.txt", plans);
    }

    @Test
    void orderByDefaultsToDuckDbsNullsLast() {
        List<SortKey> keys = ((Sort) Sql.plan("SELECT n_name, n_nationkey FROM nation ORDER BY n_name, n_nationkey DESC")).keys();
        assertThat(keys).extracting(SortKey::ascending, SortKey::nullsFirst)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, false), org.assertj.core.groups.Tuple.tuple(false, false));
        List<SortKey> explicit = ((Sort) Sql.plan("SELECT n_name FROM nation ORDER BY n_name NULLS FIRST")).keys();
        assertThat(explicit.get(0).nullsFirst()).isTrue();
    }

    @Test
    void aliasesAndPositionsInOrderByAndGroupBy() {
        LogicalPlan byAlias = Sql.plan("SELECT n_regionkey AS r, count(*) AS c FROM nation GROUP BY r ORDER BY c DESC");
        LogicalPlan byPosition = Sql.plan("SELECT n_regionkey AS r, count(*) AS c FROM nation GROUP BY 1 ORDER BY 2 DESC");
        assertThat(PlanPrinter.print(byAlias)).isEqualTo(PlanPrinter.print(byPosition));
    }

    @Test
    void longInListsStayOneInCall() {
        StringBuilder query = new StringBuilder("SELECT count(*) FROM lineitem WHERE l_orderkey NOT IN (");
        for (int i = 0; i < 5000; i++) {
            query.append(i == 0 ? "" : ", ").append(i);
        }
        String plan = PlanPrinter.print(Sql.plan(query.append(")").toString()));
        assertThat(plan).contains("Filter not(in(l_orderkey#0, CAST(0 AS BIGINT), ").contains("CAST(4999 AS BIGINT)))");
    }
}
