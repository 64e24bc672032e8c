package dev.spillway.sql;

import static java.util.Objects.requireNonNull;

import dev.spillway.api.SqlFrontend;
import dev.spillway.api.Statement;
import dev.spillway.errors.SpillwayException;
import dev.spillway.plan.Catalog;
import dev.spillway.sql.parse.ScriptSplitter;
import java.util.List;

/**
 * Spillway's SQL front end: DuckDB-flavoured SQL parsed and validated by Apache Calcite and translated
 * into Spillway logical plans with DuckDB's typing. Found through {@link java.util.ServiceLoader}.
 *
 * <p>{@link #split} returns statements that keep their place in the script (see {@link ScriptSplitter}), so
 * the positions in {@link #parse} errors are script positions; strip them for display.
 */
public final class CalciteSqlFrontend implements SqlFrontend {
    private final boolean fastPath;

    public CalciteSqlFrontend() {
        this(true);
    }

    /** @param fastPath whether trivial queries ({@code SELECT * FROM t LIMIT n}) may skip Calcite; only tests turn it off */
    CalciteSqlFrontend(boolean fastPath) {
        this.fastPath = fastPath;
    }

    /**
     * Loads and initialises Calcite on a background daemon thread, so that the first real query does not pay
     * for it (about a second of CPU in a fresh JVM). Meant for interactive shells, which can call it at start
     * while the user types. Calling it more than once does nothing more.
     */
    public static void warmUpInBackground() {
        WarmUp.start();
    }

    @Override
    public List<String> split(String sql) {
        requireNonNull(sql, "sql is null");
        return ScriptSplitter.split(sql);
    }

    @Override
    public Statement parse(String statement, Catalog catalog) {
        requireNonNull(statement, "statement is null");
        requireNonNull(catalog, "catalog is null");
        try {
            return StatementParser.parse(statement, catalog, fastPath);
        } catch (SpillwayException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SpillwayException.wrap(e);
        }
    }
}
