package dev.spillway.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory DuckDB used as the reference in differential tests. Query results come back as rows of
 * the same canonical Java classes {@link dev.spillway.data.Values} produces, so they compare with equals.
 */
public final class DuckDbOracle implements AutoCloseable {
    private final Connection connection;

    public DuckDbOracle() {
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start DuckDB", e);
        }
    }

    public void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed on: " + sql, e);
        }
    }

    public List<List<Object>> query(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>(meta.getColumnCount());
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(value(result, meta, i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed on: " + sql, e);
        }
    }

    /** The single value of a one-row, one-column query. */
    public Object queryValue(String sql) {
        List<List<Object>> rows = query(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from " + sql + ", got " + rows);
        }
        return rows.get(0).get(0);
    }

    private static Object value(ResultSet result, ResultSetMetaData meta, int column) throws SQLException {
        Object value = result.getObject(column);
        if (value == null) {
            return null;
        }
        String typeName = meta.getColumnTypeName(column).toUpperCase(java.util.Locale.ROOT);
        if (typeName.equals("DATE")) {
            return result.getObject(column, LocalDate.class);
        }
        if (typeName.startsWith("TIMESTAMP")) {
            return result.getObject(column, LocalDateTime.class);
        }
        return switch (meta.getColumnType(column)) {
            case Types.TINYINT, Types.SMALLINT -> ((Number) value).intValue();
            case Types.DECIMAL, Types.NUMERIC -> value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
            case Types.FLOAT, Types.REAL -> ((Number) value).doubleValue();
            default -> value instanceof BigInteger big ? big.longValueExact() : value;
        };
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
