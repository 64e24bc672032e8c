package dev.spillway.io.text;

import dev.spillway.data.Values;
import dev.spillway.types.DataType;
import dev.spillway.types.Schema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DuckDB (in-process, JDBC) as the reference reader for differential tests: the schema it infers for a table
 * function call, mapped to Spillway's types, and the rows it reads, as Spillway's canonical Java values.
 */
public final class DuckDbOracle implements AutoCloseable {
    private final Connection connection;

    public DuckDbOracle() {
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = connection.createStatement()) {
                // The machines are shared; one thread is plenty for test files, and keeps row order.
                statement.execute("SET threads = 1");
                statement.execute("SET TimeZone = 'UTC'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One column as DuckDB describes it. */
    public record Column(String name, String duckDbType) {
        /** Spillway's type for DuckDB's, where one exists. */
        public DataType spillwayType() {
            return switch (duckDbType) {
                case "BOOLEAN" -> DataType.BOOLEAN;
                case "INTEGER" -> DataType.INTEGER;
                case "BIGINT" -> DataType.BIGINT;
                case "HUGEINT" -> TypeCandidates.HUGEINT_TYPE;
                case "DOUBLE" -> DataType.DOUBLE;
                case "VARCHAR", "JSON" -> DataType.VARCHAR;
                case "DATE" -> DataType.DATE;
                case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE" -> DataType.TIMESTAMP;
                default -> throw new IllegalArgumentException("no Spillway type for DuckDB's " + duckDbType);
            };
        }
    }

    public List<Column> describe(String tableFunction) {
        List<Column> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("DESCRIBE SELECT * FROM " + tableFunction)) {
            while (result.next()) {
                columns.add(new Column(result.getString("column_name"), result.getString("column_type")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
        }
        return columns;
    }

    /** All rows of {@code tableFunction}, each value converted to Spillway's canonical class for {@code schema}'s type. */
    public List<List<Object>> rows(String tableFunction, Schema schema) {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < schema.size(); i++) {
            String column = "\"" + schema.field(i).name().replace("\"", "\"\"") + "\"";
            select.append(i == 0 ? "" : ", ").append(switch (schema.type(i).id()) {
                case DATE -> "date_diff('day', DATE '1970-01-01', " + column + ")";
                case TIMESTAMP -> "epoch_us(" + column + ")";
                case DECIMAL -> "CAST(" + column + " AS VARCHAR)";
                default -> column;
            });
        }
        select.append(" FROM ").append(tableFunction);
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(select.toString())) {
            while (result.next()) {
                Object[] row = new Object[schema.size()];
                for (int i = 0; i < row.length; i++) {
                    Object value = result.getObject(i + 1);
                    row[i] = value == null ? null : switch (schema.type(i).id()) {
                        case BOOLEAN -> (Boolean) value;
                        case INTEGER -> ((Number) value).intValue();
                        case BIGINT -> ((Number) value).longValue();
                        case DOUBLE -> ((Number) value).doubleValue();
                        case DECIMAL -> new BigDecimal(value.toString()).setScale(schema.type(i).scale());
                        case VARCHAR -> value.toString();
                        case DATE -> LocalDate.ofEpochDay(((Number) value).longValue());
                        case TIMESTAMP -> Values.fromEpochMicros(((Number) value).longValue());
                        default -> throw new IllegalArgumentException("unexpected type " + schema.type(i));
                    };
                }
                rows.add(Arrays.asList(row));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
        }
        return rows;
    }

    /** A SQL string literal. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing an in-memory database
        }
    }
}
