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
            throw new IllegalStateException("DuckDB failed on: " + sql + "\n" + e.getMessage(), e);
        }
    }

    public List<List<Object>> query(String sql) {
        return answer(sql).rows();
    }

    /** A query's result with DuckDB's column names and type names ({@code DECIMAL(15,2)}, {@code HUGEINT}, ...). */
    public record Answer(List<String> names, List<String> types, List<List<Object>> rows) {}

    /** Runs a query; the exception's message is DuckDB's error (first line: kind and text). */
    public Answer answer(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnLabel(i));
                types.add(meta.getColumnTypeName(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>(meta.getColumnCount());
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(value(result, meta, i));
                }
                rows.add(row);
            }
            return new Answer(names, types, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed on: " + sql + "\n" + e.getMessage(), e);
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
            // The driver's own LocalDate is proleptic Gregorian like DuckDB; asking for LocalDate.class goes
            // through java.sql.Date and shifts dates before 1582-10-15 by the Julian calendar's days.
            return value instanceof LocalDate date ? date : result.getObject(column, LocalDate.class);
        }
        if (typeName.startsWith("TIMESTAMP")) {
            return result.getObject(column, LocalDateTime.class);
        }
        return switch (meta.getColumnType(column)) {
            case Types.TINYINT, Types.SMALLINT -> ((Number) value).intValue();
            case Types.DECIMAL, Types.NUMERIC -> value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
            case Types.FLOAT, Types.REAL -> ((Number) value).doubleValue();
            // HUGEINT (DuckDB's sum of integers) as Spillway's BIGINT when it fits.
            default -> value instanceof BigInteger big && big.bitLength() < 64 ? (Object) big.longValue() : value;
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
