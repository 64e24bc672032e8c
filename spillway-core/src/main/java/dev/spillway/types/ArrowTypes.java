package dev.spillway.types;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Maps Spillway types to the Arrow types of the vectors that hold them (see {@link DataType} for the layout). */
public final class ArrowTypes {
    private static final ArrowType INT32 = new ArrowType.Int(32, true);
    private static final ArrowType INT64 = new ArrowType.Int(64, true);
    private static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    private static final ArrowType DATE_DAY = new ArrowType.Date(DateUnit.DAY);
    private static final ArrowType TIMESTAMP_MICRO = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    private static final ArrowType INTERVAL_MDN = new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO);

    private ArrowTypes() {}

    public static ArrowType arrowType(DataType type) {
        return switch (type.id()) {
            case NULL -> ArrowType.Null.INSTANCE;
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case INTEGER -> INT32;
            case BIGINT -> INT64;
            case DOUBLE -> FLOAT64;
            case DECIMAL -> type.isLongDecimal() ? INT64 : new ArrowType.Decimal(type.precision(), type.scale(), 128);
            case VARCHAR -> ArrowType.Utf8.INSTANCE;
            case DATE -> DATE_DAY;
            case TIMESTAMP -> TIMESTAMP_MICRO;
            case INTERVAL -> INTERVAL_MDN;
        };
    }

    public static FieldType fieldType(DataType type) {
        return FieldType.nullable(arrowType(type));
    }

    public static org.apache.arrow.vector.types.pojo.Field arrowField(Field field) {
        return new org.apache.arrow.vector.types.pojo.Field(field.name(), fieldType(field.type()), null);
    }

    public static org.apache.arrow.vector.types.pojo.Schema arrowSchema(Schema schema) {
        return new org.apache.arrow.vector.types.pojo.Schema(schema.fields().stream().map(ArrowTypes::arrowField).toList());
    }
}
