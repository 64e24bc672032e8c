package dev.spillway.bench.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Reads JDBC values as the canonical Java classes Spillway's results use (see the package description),
 * so answers compare without knowing which engine produced them. The reader of each column is chosen once
 * per result, not per value.
 */
final class JdbcValues {
    private JdbcValues() {}

    /** Reads one column's value of the current row, or null. */
    @FunctionalInterface
    interface Reader {
        Object read(ResultSet result, int column) throws SQLException;
    }

    static Reader reader(ResultSetMetaData meta, int column) throws SQLException {
        String typeName = meta.getColumnTypeName(column).toUpperCase(Locale.ROOT);
        if (typeName.equals("DATE")) {
            return (result, c) -> result.getObject(c, LocalDate.class);
        }
        if (typeName.startsWith("TIMESTAMP")) {
            return (result, c) -> result.getObject(c, LocalDateTime.class);
        }
        return switch (meta.getColumnType(column)) {
            case Types.BOOLEAN, Types.BIT -> nullable(ResultSet::getBoolean);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> nullable(ResultSet::getInt);
            case Types.BIGINT -> JdbcValues::bigint;
            case Types.FLOAT, Types.REAL, Types.DOUBLE -> nullable(ResultSet::getDouble);
            case Types.DECIMAL, Types.NUMERIC -> ResultSet::getBigDecimal;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR -> ResultSet::getString;
            default -> JdbcValues::other;
        };
    }

    /** Getters of primitives return 0 for NULL; wasNull tells which it was. */
    private static Reader nullable(Reader primitive) {
        return (result, column) -> {
            Object value = primitive.read(result, column);
            return result.wasNull() ? null : value;
        };
    }

    private static Object bigint(ResultSet result, int column) throws SQLException {
        Object value = result.getObject(column);
        return switch (value) {
            case null -> null;
            case Long l -> l;
            case BigInteger big -> big.longValueExact();
            case Number number -> number.longValue();
            default -> throw new SQLException("BIGINT column " + column + " gave a " + value.getClass().getName());
        };
    }

    /** Types TPC-H does not produce (HUGEINT, lists, ...): kept as whatever the driver gives, normalized where cheap. */
    private static Object other(ResultSet result, int column) throws SQLException {
        Object value = result.getObject(column);
        return switch (value) {
            case null -> null;
            case BigInteger big -> new BigDecimal(big);
            case Float f -> f.doubleValue();
            default -> value;
        };
    }
}
