package dev.spillway.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.testing.TestAllocators;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dictionary indexes are checked against the dictionary in bulk: a corrupt index anywhere in a bit-packed or RLE
 * run is an error, never a read outside the dictionary, and widths whose every index is an entry skip the check.
 */
class DictionaryDecoderTest {
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
    void bitPackedIndexesCopyTheirEntries() {
        int[] indexes = new int[2048];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = (i * 7) % 5;
        }
        assertThat(decode(5, 3, bitPacked(3, indexes), indexes.length)).isEqualTo(entries(indexes));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 17})
    void everyBitWidthUnpacksItsIndexes(int bitWidth) {
        int size = Math.min(1 << bitWidth, 5000);
        int[] indexes = new int[3000];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = (int) ((i * 2_654_435_761L) % size);
        }
        assertThat(decode(size, bitWidth, bitPacked(bitWidth, indexes), indexes.length)).isEqualTo(entries(indexes));
    }

    @Test
    void anIndexPastTheDictionaryInABitPackedRunIsAnError() {
        int[] indexes = new int[2048];
        indexes[1500] = 5;
        assertThatThrownBy(() -> decode(5, 3, bitPacked(3, indexes), indexes.length))
                .isInstanceOf(ParquetDataException.class)
                .hasMessage("dictionary index 5 out of range (dictionary has 5 entries)");
    }

    @Test
    void anIndexPastTheDictionaryInAnRleRunIsAnError() {
        byte[] run = {(byte) (16 << 1), 7};
        assertThatThrownBy(() -> decode(5, 3, withWidth(3, run), 16))
                .isInstanceOf(ParquetDataException.class)
                .hasMessage("dictionary index 7 out of range (dictionary has 5 entries)");
    }

    @Test
    void negativeThirtyTwoBitIndexesAreErrors() {
        int[] indexes = new int[16];
        indexes[9] = -1;
        assertThatThrownBy(() -> decode(5, 32, bitPacked(32, indexes), indexes.length))
                .isInstanceOf(ParquetDataException.class)
                .hasMessage("dictionary index -1 out of range (dictionary has 5 entries)");
    }

    @Test
    void aDictionaryWithAnEntryForEveryIndexOfTheWidthNeedsNoCheck() {
        int[] indexes = new int[1024];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = (i * 5) % 8;
        }
        assertThat(decode(8, 3, bitPacked(3, indexes), indexes.length)).isEqualTo(entries(indexes));
    }

    /** Entry {@code e} of the test dictionaries is {@code 100 + e}. */
    private static int[] entries(int[] indexes) {
        int[] values = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            values[i] = 100 + indexes[i];
        }
        return values;
    }

    private int[] decode(int dictionarySize, int bitWidth, byte[] page, int count) {
        try (IntVector dictionary = new IntVector("dictionary", allocator);
                IntVector out = new IntVector("out", allocator);
                ArrowBuf buffer = allocator.buffer(page.length + ShortCopy.PADDING)) {
            dictionary.allocateNew(dictionarySize);
            for (int e = 0; e < dictionarySize; e++) {
                dictionary.set(e, 100 + e);
            }
            dictionary.setValueCount(dictionarySize);
            buffer.setZero(0, buffer.capacity());
            buffer.setBytes(0, page);
            out.allocateNew(count);
            new DictionaryDecoder(dictionary, 4, buffer, 0, page.length, DictionaryDecoder.newScratch()).read(out, 0, count);
            int[] values = new int[count];
            for (int i = 0; i < count; i++) {
                values[i] = out.getDataBuffer().getInt((long) i << 2);
            }
            return values;
        }
    }

    /** A data page body: the bit width byte, then one bit-packed run of the indexes (a multiple of 8 of them). */
    private static byte[] bitPacked(int bitWidth, int[] indexes) {
        int groups = indexes.length / 8;
        byte[] header = unsignedVarInt(((long) groups << 1) | 1);
        byte[] packed = new byte[groups * bitWidth];
        long bit = 0;
        for (int index : indexes) {
            for (int b = 0; b < bitWidth; b++, bit++) {
                if (((index >>> b) & 1) != 0) {
                    packed[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        byte[] run = new byte[header.length + packed.length];
        System.arraycopy(header, 0, run, 0, header.length);
        System.arraycopy(packed, 0, run, header.length, packed.length);
        return withWidth(bitWidth, run);
    }

    private static byte[] withWidth(int bitWidth, byte[] runs) {
        byte[] page = new byte[runs.length + 1];
        page[0] = (byte) bitWidth;
        System.arraycopy(runs, 0, page, 1, runs.length);
        return page;
    }

    private static byte[] unsignedVarInt(long value) {
        byte[] bytes = new byte[10];
        int n = 0;
        while ((value & ~0x7FL) != 0) {
            bytes[n++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[n++] = (byte) value;
        return java.util.Arrays.copyOf(bytes, n);
    }
}
