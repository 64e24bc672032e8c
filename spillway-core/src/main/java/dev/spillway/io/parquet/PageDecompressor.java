package dev.spillway.io.parquet;

import java.io.IOException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Decompresses one page from an Arrow buffer into another, direct memory to direct memory. SNAPPY calls
 * snappy-java (JNI) itself; the other codecs go through parquet-java's direct codecs (zstd-jni for ZSTD,
 * Hadoop's for GZIP, aircompressor for LZ4_RAW). aircompressor's pure-Java Snappy was measured about 30%
 * slower than snappy-java on TPC-H lineitem, so it is not used for SNAPPY.
 */
interface PageDecompressor {
    /** Decompresses exactly {@code outputLength} bytes into {@code output} from index 0. */
    void decompress(ArrowBuf input, long inputIndex, int inputLength, ArrowBuf output, int outputLength) throws IOException;

    /** The decompressor for a codec, or null for UNCOMPRESSED. */
    static PageDecompressor forCodec(CompressionCodecName codec, CodecFactory codecs) {
        return switch (codec) {
            case UNCOMPRESSED -> null;
            case SNAPPY -> PageDecompressor::snappy;
            default -> {
                BytesInputDecompressor decompressor = codecs.getDecompressor(codec);
                yield (input, inputIndex, inputLength, output, outputLength) -> decompressor.decompress(
                        input.nioBuffer(inputIndex, inputLength), inputLength, output.nioBuffer(0, outputLength), outputLength);
            }
        };
    }

    private static void snappy(ArrowBuf input, long inputIndex, int inputLength, ArrowBuf output, int outputLength)
            throws IOException {
        // The ByteBuffer API checks the declared length against the output's room before writing.
        int written = Snappy.uncompress(input.nioBuffer(inputIndex, inputLength), output.nioBuffer(0, outputLength));
        if (written != outputLength) {
            throw new ParquetDataException("page decompressed to " + written + " bytes instead of " + outputLength);
        }
    }
}
