package dev.spillway.io.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Decompresses one page from an Arrow buffer into another, direct memory to direct memory, with
 * parquet-java's direct codecs (snappy-java for SNAPPY, zstd-jni for ZSTD, Hadoop's for GZIP,
 * aircompressor for LZ4_RAW). Calling snappy-java directly measured no faster, and aircompressor's
 * pure-Java Snappy about 30% slower on TPC-H lineitem, so the codec factory is used for all codecs.
 */
interface PageDecompressor {
    /** Decompresses all of {@code input} (position to limit) into exactly all of {@code output}; both direct. */
    void decompress(ByteBuffer input, ByteBuffer output) throws IOException;

    /** The decompressor for a codec, or null for UNCOMPRESSED. */
    static PageDecompressor forCodec(CompressionCodecName codec, CodecFactory codecs) {
        if (codec == CompressionCodecName.UNCOMPRESSED) {
            return null;
        }
        BytesInputDecompressor decompressor = codecs.getDecompressor(codec);
        return (input, output) -> decompressor.decompress(input, input.remaining(), output, output.remaining());
    }
}
