package dev.spillway.io.parquet;

import static java.util.Objects.requireNonNull;

/**
 * How {@link ParquetBatchWriter} lays out a file.
 *
 * @param rowGroupBytes a row group is closed once its buffered (encoded, compressed) size reaches this;
 *     it is also roughly the writer's memory use
 * @param pageBytes target size of a data page before compression
 */
public record ParquetWriteOptions(ParquetCompression compression, long rowGroupBytes, int pageBytes) {
    public static final long DEFAULT_ROW_GROUP_BYTES = 128L << 20;
    public static final int DEFAULT_PAGE_BYTES = 1 << 20;

    public ParquetWriteOptions {
        requireNonNull(compression, "compression is null");
        if (rowGroupBytes <= 0 || pageBytes <= 0) {
            throw new IllegalArgumentException("row group and page sizes must be positive");
        }
    }

    /** SNAPPY, 128 MB row groups, 1 MB pages. */
    public static ParquetWriteOptions defaults() {
        return new ParquetWriteOptions(ParquetCompression.SNAPPY, DEFAULT_ROW_GROUP_BYTES, DEFAULT_PAGE_BYTES);
    }

    public ParquetWriteOptions withCompression(ParquetCompression newCompression) {
        return new ParquetWriteOptions(newCompression, rowGroupBytes, pageBytes);
    }

    public ParquetWriteOptions withRowGroupBytes(long newRowGroupBytes) {
        return new ParquetWriteOptions(compression, newRowGroupBytes, pageBytes);
    }
}
