package dev.spillway.io.parquet;

import static java.util.Objects.requireNonNull;

import dev.spillway.types.DataType;
import org.apache.parquet.column.ColumnDescriptor;

/**
 * One top-level column of a Parquet file as Spillway sees it.
 *
 * @param index position in the file's schema (and in the row groups' column chunk lists)
 * @param conversion how physical values become values of {@code type}'s Arrow vector
 * @param fixedLength byte length of FIXED_LEN_BYTE_ARRAY values, or -1
 * @param orderedStatistics whether min/max statistics order values as {@code type} does (false for unsigned and INT96)
 */
record ParquetColumn(int index, String name, DataType type, ColumnDescriptor descriptor, ValueConversion conversion,
                     int fixedLength, boolean orderedStatistics) {
    ParquetColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(descriptor, "descriptor is null");
        requireNonNull(conversion, "conversion is null");
    }

    /** True when the column may hold NULLs (it has definition levels). */
    boolean optional() {
        return descriptor.getMaxDefinitionLevel() > 0;
    }
}
