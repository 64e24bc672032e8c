package dev.spillway.io.text;

import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the type names users write in {@code columns}/{@code types} options ({@code 'BIGINT'},
 * {@code 'DECIMAL(10,2)'}, DuckDB aliases such as {@code INT8} or {@code TEXT}) into engine types. Types the
 * engine lacks map to their nearest wider type (FLOAT and REAL to DOUBLE, small integers to INTEGER,
 * HUGEINT to DECIMAL(38,0), TIMESTAMPTZ to TIMESTAMP in UTC).
 */
public final class TypeNames {
    private static final Pattern DECIMAL = Pattern.compile("(?:DECIMAL|NUMERIC)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
    private static final Pattern VARCHAR_LENGTH = Pattern.compile("(?:VARCHAR|CHAR|CHARACTER VARYING|BPCHAR|TEXT|STRING)\\s*\\(\\s*\\d+\\s*\\)");

    private TypeNames() {}

    /** The type named {@code name}; {@code option} names the option in the error message. */
    public static DataType parse(String name, String option) {
        String upper = name.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(upper);
        if (decimal.matches()) {
            int precision = Integer.parseInt(decimal.group(1));
            int scale = decimal.group(2) == null ? 0 : Integer.parseInt(decimal.group(2));
            return DataType.decimal(precision, scale);
        }
        if (VARCHAR_LENGTH.matcher(upper).matches()) {
            return DataType.VARCHAR;
        }
        return switch (upper) {
            case "BOOLEAN", "BOOL", "LOGICAL" -> DataType.BOOLEAN;
            case "TINYINT", "INT1", "SMALLINT", "INT2", "SHORT", "INTEGER", "INT", "INT4", "SIGNED" -> DataType.INTEGER;
            case "BIGINT", "INT8", "LONG" -> DataType.BIGINT;
            case "HUGEINT", "INT128" -> TypeCandidates.HUGEINT_TYPE;
            case "DOUBLE", "FLOAT8", "FLOAT", "FLOAT4", "REAL", "DOUBLE PRECISION" -> DataType.DOUBLE;
            case "DECIMAL", "NUMERIC" -> DataType.decimal(18, 3);
            case "VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR", "CHARACTER VARYING", "JSON" -> DataType.VARCHAR;
            case "DATE" -> DataType.DATE;
            case "TIMESTAMP", "DATETIME", "TIMESTAMP_US", "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" -> DataType.TIMESTAMP;
            default -> throw SpillwayException.userError(
                    "%s: unsupported type '%s'; use BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL(p,s), VARCHAR, DATE or TIMESTAMP",
                    option, name);
        };
    }
}
