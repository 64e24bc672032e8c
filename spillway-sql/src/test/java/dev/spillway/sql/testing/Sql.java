package dev.spillway.sql.testing;

import dev.spillway.api.Statement;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.sql.CalciteSqlFrontend;

/** Shortcuts for tests: parse a query against a catalog and return its plan. */
public final class Sql {
    private static final CalciteSqlFrontend FRONTEND = new CalciteSqlFrontend();

    private Sql() {}

    public static LogicalPlan plan(String query) {
        return plan(query, new TestCatalog());
    }

    public static LogicalPlan plan(String query, TestCatalog catalog) {
        Statement statement = FRONTEND.parse(query, catalog);
        if (!(statement instanceof Statement.Query q)) {
            throw new AssertionError("not a query: " + statement);
        }
        return q.plan();
    }

    public static Statement statement(String sql) {
        return FRONTEND.parse(sql, new TestCatalog());
    }

    public static CalciteSqlFrontend frontend() {
        return FRONTEND;
    }
}
