package dev.spillway.sql.differential;

import java.util.Locale;
import java.util.Map;

/**
 * Which Spillway result type stands for which DuckDB type. The names are the same ({@code INTEGER},
 * {@code DECIMAL(15,2)}, ...) except for the accepted differences below, each a deliberate choice; any
 * other difference fails the test.
 */
final class TypeCorrespondence {
    /** DuckDB type → the Spillway type accepted in its place, and why. */
    static final Map<String, Accepted> ACCEPTED = Map.of(
            "HUGEINT", new Accepted("BIGINT",
                    "Spillway has no 128-bit integer: sum() of INTEGER or BIGINT is BIGINT and reports an overflow"
                            + " where DuckDB widens to HUGEINT"),
            "TINYINT", new Accepted("INTEGER",
                    "Spillway has no 8-bit integer: sign() gives INTEGER where DuckDB gives TINYINT"));

    record Accepted(String spillwayType, String reason) {}

    private TypeCorrespondence() {}

    /** Null when Spillway's type is DuckDB's or its accepted stand-in, else what differs. */
    static String difference(String duckDbType, String spillwayType) {
        String duckDb = normalize(duckDbType);
        if (duckDb.equals(spillwayType)) {
            return null;
        }
        Accepted accepted = ACCEPTED.get(duckDb);
        if (accepted != null && accepted.spillwayType().equals(spillwayType)) {
            return null;
        }
        return "DuckDB " + duckDbType + ", Spillway " + spillwayType;
    }

    /** DuckDB's spelling as Spillway's {@code DataType.toString()} writes it. */
    static String normalize(String duckDbType) {
        String type = duckDbType.toUpperCase(Locale.ROOT).replace(" ", "");
        return switch (type) {
            case "INT", "INT4", "INT32" -> "INTEGER";
            case "INT8", "INT64", "LONG" -> "BIGINT";
            case "FLOAT8" -> "DOUBLE";
            case "STRING", "TEXT" -> "VARCHAR";
            case "BOOL" -> "BOOLEAN";
            case "TIMESTAMP_US", "DATETIME" -> "TIMESTAMP";
            default -> type;
        };
    }
}
