package dev.spillway.io.parquet;

/**
 * How one Parquet physical value becomes one value of the Arrow vector that holds the Spillway type.
 * The conversion is chosen once per column from the physical type and the logical annotation; decoders
 * switch on it outside their loops.
 */
enum ValueConversion {
    /** INT32 (signed or narrow unsigned ints, DATE) into a 4-byte vector, copied as is. */
    INT32(4),
    /** INT32 read as unsigned (UINT_32) widened to 8 bytes. */
    UINT32_TO_INT64(8),
    /** INT32 sign-extended to 8 bytes (decimals stored in INT32 go to 64-bit unscaled longs). */
    INT32_TO_INT64(8),
    /** INT64 copied as is (BIGINT, TIMESTAMP micros, decimals). */
    INT64(8),
    /** INT64 read as unsigned (UINT_64): values above Long.MAX_VALUE are an error. */
    UINT64(8),
    /** INT64 milliseconds since the epoch to microseconds. */
    MILLIS_TO_MICROS(8),
    /** INT64 nanoseconds since the epoch to microseconds (rounded down). */
    NANOS_TO_MICROS(8),
    /** 12-byte INT96 (nanoseconds of day, Julian day) to microseconds since the epoch. */
    INT96_TO_MICROS(8),
    FLOAT_TO_DOUBLE(8),
    DOUBLE(8),
    BOOLEAN(0),
    /** BYTE_ARRAY copied into a variable-width vector. */
    BINARY(-1),
    /** Big-endian two's complement bytes (BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY) to a 64-bit unscaled decimal. */
    DECIMAL_BYTES_TO_INT64(8),
    /** Big-endian two's complement bytes to an Arrow 128-bit little-endian decimal. */
    DECIMAL_BYTES_TO_INT128(16);

    private final int targetWidth;

    ValueConversion(int targetWidth) {
        this.targetWidth = targetWidth;
    }

    /** Bytes per value in the target vector: 0 for bits, -1 for variable width. */
    int targetWidth() {
        return targetWidth;
    }
}
