package dev.spillway.sql.testing;

import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DuckDB in-process, with empty tables of the same schemas as {@link TestCatalog}, asked what name and type
 * each result column of a query has ({@code DESCRIBE query}).
 */
public final class DuckDbOracle implements AutoCloseable {
    private final Connection connection;

    public DuckDbOracle() {
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            TestCatalog catalog = new TestCatalog();
            for (String table : List.of("lineitem", "orders", "customer", "part", "partsupp", "supplier", "nation", "region", "t")) {
                Schema schema = catalog.view(table).orElseThrow().schema();
                List<String> columns = new ArrayList<>();
                for (Field field : schema.fields()) {
                    columns.add(field.name() + " " + field.type());
                }
                execute("CREATE TABLE " + table + " (" + String.join(", ", columns) + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start DuckDB", e);
        }
    }

    public void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The result columns of a query as DuckDB names and types them, as {@code "name TYPE"}. */
    public List<String> describe(String query) {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("DESCRIBE " + query)) {
            while (rows.next()) {
                columns.add(rows.getString("column_name") + " " + rows.getString("column_type").toUpperCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        return columns;
    }

    /**
     * DuckDB's columns with the types Spillway deliberately has instead: Spillway has no HUGEINT, so the
     * {@code sum} of integers is BIGINT (overflow is an error rather than a wider type).
     */
    public static List<String> spillwayEquivalents(List<String> duckDbColumns) {
        return duckDbColumns.stream().map(column -> column.endsWith(" HUGEINT") ? column.replaceAll(" HUGEINT$", " BIGINT") : column).toList();
    }

    /** Spillway's schema in the same form as {@link #describe}. */
    public static List<String> describe(Schema schema) {
        return schema.fields().stream().map(field -> field.name() + " " + field.type()).toList();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
