package dev.spillway.io.parquet;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.hadoop.CodecFactory;

/**
 * parquet-java's codecs working on direct buffers. Hadoop's configuration only picks codec
 * implementations here; one empty instance (no default resources loaded) serves every reader and writer.
 */
final class DirectCodecs {
    private static final Configuration CONFIGURATION = new Configuration(false);

    private DirectCodecs() {}

    /** A codec factory whose buffers come from {@code buffers}; release it when done. */
    static CodecFactory create(ByteBufferAllocator buffers, int pageBytes) {
        return CodecFactory.createDirectCodecFactory(CONFIGURATION, buffers, pageBytes);
    }
}
