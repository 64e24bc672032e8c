package dev.spillway.sql.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.sql.testing.PlanPrinter;
import dev.spillway.sql.testing.Sql;
import org.junit.jupiter.api.Test;

/** Sub-queries become joins: semi and anti joins for [NOT] EXISTS and [NOT] IN, cross or left joins for scalars. */
class SubQueriesTest {
    private static String plan(String query) {
        return PlanPrinter.print(Sql.plan(query));
    }

    @Test
    void correlatedExistsLiftsTheCorrelatedConditionIntoASemiJoin() {
        assertThat(plan("SELECT r_name FROM region r WHERE EXISTS (SELECT 1 FROM nation n WHERE n.n_regionkey = r.r_regionkey AND n_name LIKE 'A%')"))
                .isEqualTo("""
                        Project [r_name#1]
                          Join SEMI (n_regionkey#5 = r_regionkey#0)
                            Scan region
                            Filter like(n_name#1, 'A%')
                              Scan nation
                        """);
    }

    @Test
    void correlatedInCombinesTheComparisonAndTheCorrelation() {
        assertThat(plan("SELECT r_name FROM region r WHERE r_name IN (SELECT n_name FROM nation n WHERE n.n_regionkey = r.r_regionkey)"))
                .isEqualTo("""
                        Project [r_name#1]
                          Join SEMI ((r_name#1 = n_name#3) AND (n_regionkey#4 = r_regionkey#0))
                            Scan region
                            Project [n_name#1, n_regionkey#2]
                              Scan nation
                        """);
    }

    @Test
    void correlatedScalarAggregateIsGroupedByTheCorrelationAndLeftJoined() {
        assertThat(plan("SELECT r_name, (SELECT max(n_name) FROM nation n WHERE n.n_regionkey = r.r_regionkey) AS top FROM region r"))
                .isEqualTo("""
                        Project [r_name#1, EXPR$0#3 AS top]
                          Join LEFT (r_regionkey#0 = n_regionkey#4)
                            Scan region
                            Project [EXPR$0#1, n_regionkey#0]
                              Aggregate keys=[n_regionkey#1] aggregates=[max(n_name#0) AS EXPR$0]
                                Project [n_name#1, n_regionkey#2]
                                  Scan nation
                        """);
    }

    @Test
    void uncorrelatedScalarsAreJoinedOnceAndKeepTheRowCount() {
        // A global aggregate has exactly one row: a cross join.
        assertThat(plan("SELECT n_name FROM nation WHERE n_nationkey > (SELECT avg(r_regionkey) FROM region)"))
                .contains("Join INNER true").doesNotContain("any_value");
        // Anything else is reduced to one row first (DuckDB would fail on several rows instead).
        assertThat(plan("SELECT n_name, (SELECT r_name FROM region WHERE r_regionkey = 1) FROM nation"))
                .contains("Join INNER true").contains("any_value(r_name#0)");
    }

    @Test
    void notInKeepsSqlNullSemantics() {
        assertThat(plan("SELECT n_name FROM nation WHERE n_regionkey NOT IN (SELECT r_regionkey FROM region)"))
                .contains("Join ANTI (((n_regionkey#2 = r_regionkey#4) OR is_null(n_regionkey#2)) OR is_null(r_regionkey#4))");
    }

    @Test
    void nestedSubQueriesAreEachPlannedWhereTheyAppear() {
        String plan = plan("""
                SELECT s_name FROM supplier WHERE s_suppkey IN (
                    SELECT ps_suppkey FROM partsupp
                    WHERE ps_partkey IN (SELECT p_partkey FROM part WHERE p_name LIKE 'forest%')
                      AND ps_availqty > (SELECT 0.5 * sum(l_quantity) FROM lineitem WHERE l_partkey = ps_partkey AND l_suppkey = ps_suppkey))
                """);
        assertThat(plan).contains("Join SEMI (s_suppkey#0 = ps_suppkey#7)")
                .contains("Join LEFT ((ps_partkey#0 = l_partkey#6) AND (ps_suppkey#1 = l_suppkey#7))")
                .contains("Join SEMI (ps_partkey#0 = p_partkey#5)");
    }

    @Test
    void unsupportedShapesSaySo() {
        assertThatThrownBy(() -> Sql.plan("SELECT r_name FROM region r WHERE EXISTS (SELECT max(n_name) FROM nation n WHERE n.n_regionkey = r.r_regionkey)"))
                .hasMessage("EXISTS over a correlated aggregate is not supported");
        assertThatThrownBy(() -> Sql.plan("SELECT r_name FROM region r WHERE r_name = 'x' OR EXISTS (SELECT 1 FROM nation)"))
                .hasMessage("line 1, column 35: EXISTS sub-queries are supported only as AND-ed conditions of WHERE or HAVING");
        assertThatThrownBy(() -> Sql.plan("SELECT r_name, r_regionkey IN (SELECT n_regionkey FROM nation) FROM region"))
                .hasMessageEndingWith("IN sub-queries are supported only as AND-ed conditions of WHERE or HAVING");
        assertThatThrownBy(() -> Sql.plan("SELECT (SELECT n_name FROM nation n WHERE n.n_regionkey = r.r_regionkey) FROM region r"))
                .hasMessage("a correlated scalar sub-query must compute an aggregate (such as max(x))");
        assertThatThrownBy(() -> Sql.plan("SELECT (SELECT count(*) FROM nation n WHERE n.n_regionkey = r.r_regionkey) FROM region r"))
                .hasMessage("correlated sub-queries that count are not supported");
    }
}
