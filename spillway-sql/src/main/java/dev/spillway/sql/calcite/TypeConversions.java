package dev.spillway.sql.calcite;

import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between Spillway's types and Calcite's. */
public final class TypeConversions {
    private TypeConversions() {}

    public static RelDataType toCalcite(DataType type, boolean nullable, RelDataTypeFactory factory) {
        RelDataType base = switch (type.id()) {
            case NULL -> factory.createSqlType(SqlTypeName.NULL);
            case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
            case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
            case VARCHAR -> factory.createSqlType(SqlTypeName.VARCHAR);
            case DATE -> factory.createSqlType(SqlTypeName.DATE);
            case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 6);
            case INTERVAL -> factory.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
        };
        return factory.createTypeWithNullability(base, nullable);
    }

    public static RelDataType toCalcite(Schema schema, RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder builder = factory.builder();
        for (Field field : schema.fields()) {
            builder.add(field.name(), toCalcite(field.type(), field.nullable(), factory));
        }
        // Joins may repeat names; Calcite's validator reports ambiguity only when such a name is used.
        return builder.uniquify().build();
    }

    /** The Spillway type of a Calcite type, or a user error for types Spillway does not have. */
    public static DataType toSpillway(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        return switch (name) {
            case NULL -> DataType.NULL;
            case BOOLEAN -> DataType.BOOLEAN;
            case TINYINT, SMALLINT, INTEGER -> DataType.INTEGER;
            case BIGINT -> DataType.BIGINT;
            case FLOAT, REAL, DOUBLE -> DataType.DOUBLE;
            case DECIMAL -> DataType.decimal(Math.min(Math.max(type.getPrecision(), 1), DataType.MAX_DECIMAL_PRECISION),
                    Math.max(type.getScale(), 0));
            case CHAR, VARCHAR -> DataType.VARCHAR;
            case DATE -> DataType.DATE;
            case TIMESTAMP -> DataType.TIMESTAMP;
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH, INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE,
                    INTERVAL_DAY_SECOND, INTERVAL_HOUR, INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE,
                    INTERVAL_MINUTE_SECOND, INTERVAL_SECOND -> DataType.INTERVAL;
            default -> throw SpillwayException.userError("type %s is not supported", type.getFullTypeString().replace(" NOT NULL", ""));
        };
    }

    public static List<DataType> toSpillway(List<RelDataType> types) {
        List<DataType> result = new ArrayList<>(types.size());
        for (RelDataType type : types) {
            result.add(toSpillway(type));
        }
        return result;
    }
}
