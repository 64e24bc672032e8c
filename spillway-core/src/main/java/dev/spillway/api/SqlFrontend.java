package dev.spillway.api;

import dev.spillway.plan.Catalog;
import java.util.List;

/**
 * Turns SQL text into statements. Implemented by the {@code spillway-sql} module and found with
 * {@link java.util.ServiceLoader}, so that the core stays free of the SQL parser's dependencies.
 */
public interface SqlFrontend {
    /**
     * Splits the text into statements (separated by semicolons outside quotes and comments). Each
     * statement is parsed and bound lazily, in order, against the catalog as it is when that statement
     * runs, so a view created by one statement is visible to the next.
     */
    List<String> split(String sql);

    /** Parses and binds one statement; errors are user errors naming line and column. */
    Statement parse(String statement, Catalog catalog);
}
