package dev.spillway.io.parquet;

import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Maps a Parquet file schema to Spillway columns: the Spillway type of each top-level column and how its
 * physical values convert. Only flat schemas are supported; anything unsupported is a user error naming
 * the file and column.
 */
final class ParquetTypeMapping {
    private ParquetTypeMapping() {}

    static List<ParquetColumn> columns(MessageType schema, String file) {
        List<ParquetColumn> columns = new ArrayList<>();
        List<Type> fields = schema.getFields();
        for (int i = 0; i < fields.size(); i++) {
            Type field = fields.get(i);
            if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                throw SpillwayException.userError("%s: nested column %s is not supported", file, field.getName());
            }
            ColumnDescriptor descriptor = schema.getColumnDescription(new String[] {field.getName()});
            columns.add(column(i, field.asPrimitiveType(), descriptor, file));
        }
        return columns;
    }

    private static ParquetColumn column(int index, PrimitiveType type, ColumnDescriptor descriptor, String file) {
        String name = type.getName();
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            return decimalColumn(index, type, descriptor, decimal, file);
        }
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> plain(index, name, DataType.BOOLEAN, descriptor, ValueConversion.BOOLEAN, logical == null, type, file);
            case INT32 -> int32Column(index, type, descriptor, logical, file);
            case INT64 -> int64Column(index, type, descriptor, logical, file);
            case INT96 -> new ParquetColumn(index, name, DataType.TIMESTAMP, descriptor, ValueConversion.INT96_TO_MICROS, -1, false);
            case FLOAT -> plain(index, name, DataType.DOUBLE, descriptor, ValueConversion.FLOAT_TO_DOUBLE, logical == null, type, file);
            case DOUBLE -> plain(index, name, DataType.DOUBLE, descriptor, ValueConversion.DOUBLE, logical == null, type, file);
            case BINARY -> {
                boolean text = logical == null
                        || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
                yield plain(index, name, DataType.VARCHAR, descriptor, ValueConversion.BINARY, text, type, file);
            }
            case FIXED_LEN_BYTE_ARRAY -> throw unsupported(type, file);
        };
    }

    private static ParquetColumn plain(int index, String name, DataType dataType, ColumnDescriptor descriptor,
                                       ValueConversion conversion, boolean supported, PrimitiveType type, String file) {
        if (!supported) {
            throw unsupported(type, file);
        }
        return new ParquetColumn(index, name, dataType, descriptor, conversion, -1, true);
    }

    private static ParquetColumn int32Column(int index, PrimitiveType type, ColumnDescriptor descriptor,
                                             LogicalTypeAnnotation logical, String file) {
        String name = type.getName();
        if (logical == null) {
            return new ParquetColumn(index, name, DataType.INTEGER, descriptor, ValueConversion.INT32, -1, true);
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return new ParquetColumn(index, name, DataType.DATE, descriptor, ValueConversion.INT32, -1, true);
        }
        if (logical instanceof IntLogicalTypeAnnotation ints && ints.getBitWidth() <= 32) {
            if (ints.isSigned() || ints.getBitWidth() < 32) {
                // UINT_8 and UINT_16 values are stored as small non-negative INT32s: signed order is right.
                return new ParquetColumn(index, name, DataType.INTEGER, descriptor, ValueConversion.INT32, -1, true);
            }
            return new ParquetColumn(index, name, DataType.BIGINT, descriptor, ValueConversion.UINT32_TO_INT64, -1, false);
        }
        throw unsupported(type, file);
    }

    private static ParquetColumn int64Column(int index, PrimitiveType type, ColumnDescriptor descriptor,
                                             LogicalTypeAnnotation logical, String file) {
        String name = type.getName();
        if (logical == null) {
            return new ParquetColumn(index, name, DataType.BIGINT, descriptor, ValueConversion.INT64, -1, true);
        }
        if (logical instanceof IntLogicalTypeAnnotation ints) {
            ValueConversion conversion = ints.isSigned() ? ValueConversion.INT64 : ValueConversion.UINT64;
            return new ParquetColumn(index, name, DataType.BIGINT, descriptor, conversion, -1, ints.isSigned());
        }
        if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
            ValueConversion conversion = switch (timestamp.getUnit()) {
                case MILLIS -> ValueConversion.MILLIS_TO_MICROS;
                case MICROS -> ValueConversion.INT64;
                case NANOS -> ValueConversion.NANOS_TO_MICROS;
            };
            return new ParquetColumn(index, name, DataType.TIMESTAMP, descriptor, conversion, -1, true);
        }
        throw unsupported(type, file);
    }

    private static ParquetColumn decimalColumn(int index, PrimitiveType type, ColumnDescriptor descriptor,
                                               DecimalLogicalTypeAnnotation decimal, String file) {
        int precision = decimal.getPrecision();
        int scale = decimal.getScale();
        if (precision < 1 || precision > DataType.MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
            throw SpillwayException.userError("%s: column %s has unsupported type DECIMAL(%d,%d)", file, type.getName(), precision, scale);
        }
        DataType dataType = DataType.decimal(precision, scale);
        ValueConversion conversion = switch (type.getPrimitiveTypeName()) {
            case INT32 -> dataType.isLongDecimal() ? ValueConversion.INT32_TO_INT64 : null;
            case INT64 -> dataType.isLongDecimal() ? ValueConversion.INT64 : null;
            case BINARY, FIXED_LEN_BYTE_ARRAY ->
                    dataType.isLongDecimal() ? ValueConversion.DECIMAL_BYTES_TO_INT64 : ValueConversion.DECIMAL_BYTES_TO_INT128;
            default -> null;
        };
        int fixedLength = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY ? type.getTypeLength() : -1;
        if (conversion == null || fixedLength > 16) {
            throw unsupported(type, file);
        }
        return new ParquetColumn(index, type.getName(), dataType, descriptor, conversion, fixedLength, true);
    }

    private static SpillwayException unsupported(PrimitiveType type, String file) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return SpillwayException.userError("%s: column %s has unsupported Parquet type %s%s", file, type.getName(),
                type.getPrimitiveTypeName(), logical == null ? "" : " (" + logical + ")");
    }
}
