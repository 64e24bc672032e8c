package dev.spillway.io.parquet;

/**
 * Corrupt or unsupported data found while decoding. Thrown by decoders, which know nothing of files; the
 * reader turns it into a {@link dev.spillway.errors.SpillwayException} naming the file, row group and column.
 */
final class ParquetDataException extends RuntimeException {
    ParquetDataException(String message) {
        super(message);
    }
}
