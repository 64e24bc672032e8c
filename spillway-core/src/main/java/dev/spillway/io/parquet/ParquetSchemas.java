package dev.spillway.io.parquet;

import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema the writer uses for a Spillway schema. Every column is OPTIONAL (as DuckDB writes
 * them), so that any batch can be written; the types round-trip through {@link ParquetTypeMapping}.
 */
final class ParquetSchemas {
    private ParquetSchemas() {}

    static MessageType toParquet(Schema schema) {
        List<Type> fields = new ArrayList<>();
        for (Field field : schema.fields()) {
            fields.add(toParquet(field));
        }
        return new MessageType("spillway_schema", fields);
    }

    private static Type toParquet(Field field) {
        DataType type = field.type();
        String name = field.name();
        return switch (type.id()) {
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
            case INTEGER -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, true)).named(name);
            case BIGINT -> Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, true)).named(name);
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            case VARCHAR -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
            case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name);
            case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named(name);
            case DECIMAL -> type.isLongDecimal()
                    ? Types.optional(PrimitiveTypeName.INT64)
                            .as(LogicalTypeAnnotation.decimalType(type.scale(), type.precision())).named(name)
                    : Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(decimalBytes(type.precision()))
                            .as(LogicalTypeAnnotation.decimalType(type.scale(), type.precision())).named(name);
            case NULL, INTERVAL -> throw SpillwayException.userError("column %s of type %s cannot be written to Parquet", name, type);
        };
    }

    /** The fewest bytes of two's complement that hold every value of the precision. */
    static int decimalBytes(int precision) {
        java.math.BigInteger max = java.math.BigInteger.TEN.pow(precision).subtract(java.math.BigInteger.ONE);
        return (max.bitLength() + 1 + 7) / 8;
    }
}
