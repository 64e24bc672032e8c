package dev.spillway.io.parquet;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Compression codecs the writer offers. SNAPPY is the default: fast to write and read, and read by every tool. */
public enum ParquetCompression {
    SNAPPY(CompressionCodecName.SNAPPY),
    /** Smaller files (typically 20-30% below SNAPPY) for somewhat slower writes. */
    ZSTD(CompressionCodecName.ZSTD),
    UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED);

    private final CompressionCodecName codec;

    ParquetCompression(CompressionCodecName codec) {
        this.codec = codec;
    }

    CompressionCodecName codec() {
        return codec;
    }
}
