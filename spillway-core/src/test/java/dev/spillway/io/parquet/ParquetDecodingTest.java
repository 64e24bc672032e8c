package dev.spillway.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.testing.TestAllocators;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.parquet.bytes.DirectByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unit tests of the decoding building blocks, against parquet-java's encoder where there is one. */
class ParquetDecodingTest {
    BufferAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = TestAllocators.newRoot();
    }

    @AfterEach
    void tearDown() {
        TestAllocators.closeChecked(allocator);
    }

    @Test
    void hybridRleDecoderReadsWhatParquetJavaEncodesAtEveryBitWidth() throws Exception {
        Random random = new Random(17);
        for (int bitWidth = 0; bitWidth <= 32; bitWidth++) {
            int[] values = new int[5000];
            long limit = 1L << bitWidth;
            for (int i = 0; i < values.length; i++) {
                // Mix long runs (RLE) with noise (bit-packed).
                values[i] = bitWidth == 0 ? 0 : (int) (i % 1000 < 300 ? (limit - 1) & 0x7FFF_FFFF : random.nextLong(limit));
            }
            byte[] encoded = encode(values, bitWidth);
            try (ArrowBuf buffer = padded(encoded)) {
                HybridRleDecoder decoder = new HybridRleDecoder(buffer, 0, encoded.length, bitWidth);
                int[] decoded = new int[values.length];
                int position = 0;
                for (int step : new int[] {1, 7, 8, 13, 100, 1024}) {
                    int n = Math.min(step, values.length - position);
                    decoder.read(decoded, position, n);
                    position += n;
                }
                decoder.read(decoded, position, values.length - position);
                assertThat(decoded).as("bit width %d", bitWidth).isEqualTo(values);
            }
        }
    }

    @Test
    void truncatedRunsFailInsteadOfReadingPastTheData() throws Exception {
        int[] values = new int[64];
        Arrays.setAll(values, i -> i * 37 % 128);
        byte[] encoded = encode(values, 7);
        try (ArrowBuf buffer = padded(encoded)) {
            HybridRleDecoder decoder = new HybridRleDecoder(buffer, 0, encoded.length / 2, 7);
            assertThatThrownBy(() -> decoder.read(new int[64], 0, 64)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void int96TimestampsAndBigEndianDecimals() {
        // 2000-01-01 12:00:00.000001 is Julian day 2451545, 12 h + 1 µs into the day.
        assertThat(PhysicalValues.int96ToMicros(43_200_000_001_000L, 2_451_545)).isEqualTo(946_728_000_000_001L);
        assertThat(PhysicalValues.int96ToMicros(0, (int) PhysicalValues.JULIAN_EPOCH_DAY - 1)).isEqualTo(-PhysicalValues.MICROS_PER_DAY);

        for (BigInteger value : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE.negate(), BigInteger.valueOf(Long.MIN_VALUE),
                BigInteger.TEN.pow(38).subtract(BigInteger.ONE), BigInteger.TEN.pow(38).negate().add(BigInteger.ONE),
                BigInteger.valueOf(123456789012345L)}) {
            byte[] bytes = value.toByteArray();
            try (ArrowBuf source = padded(bytes); ArrowBuf target = allocator.buffer(16)) {
                PhysicalValues.bigEndianToInt128(source, 0, bytes.length, target, 0);
                BigInteger decoded = dev.spillway.data.Values.int128(target.getLong(0), target.getLong(8));
                assertThat(decoded).isEqualTo(value);
                PhysicalValues.bigEndianToInt128(bytes, target, 0);
                assertThat(dev.spillway.data.Values.int128(target.getLong(0), target.getLong(8))).isEqualTo(value);
                if (value.bitLength() < 64) {
                    assertThat(PhysicalValues.bigEndianLong(source, 0, bytes.length)).isEqualTo(value.longValueExact());
                    assertThat(PhysicalValues.bigEndianLong(bytes)).isEqualTo(value.longValueExact());
                }
            }
        }
    }

    @Test
    void shortCopiesMoveExactlyTheStringBytes() {
        try (ArrowBuf source = allocator.buffer(200); ArrowBuf target = allocator.buffer(200)) {
            for (int i = 0; i < 200; i++) {
                source.setByte(i, i);
            }
            for (int length : new int[] {0, 1, 7, 8, 9, 31, 32, 33, 100}) {
                target.setZero(0, 200);
                ShortCopy.copy(source, 5, target, 3, length);
                for (int i = 0; i < length; i++) {
                    assertThat(target.getByte(3 + i)).isEqualTo((byte) (5 + i));
                }
                assertThat(target.getByte(2)).isZero();
            }
        }
    }

    private ArrowBuf padded(byte[] bytes) {
        ArrowBuf buffer = allocator.buffer(bytes.length + ShortCopy.PADDING);
        buffer.setZero(0, buffer.capacity());
        buffer.setBytes(0, bytes);
        return buffer;
    }

    private static byte[] encode(int[] values, int bitWidth) throws Exception {
        RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20,
                new DirectByteBufferAllocator());
        try {
            for (int value : values) {
                encoder.writeInt(value);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            encoder.toBytes().writeAllTo(out);
            return out.toByteArray();
        } finally {
            encoder.close();
        }
    }
}
