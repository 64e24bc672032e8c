package dev.spillway.data;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * For a column decoded from a dictionary (a Parquet dictionary page): each row's index into that dictionary,
 * {@code -1} for NULL, off-heap. Operators can then work once per distinct value instead of once per row
 * (aggregation finds a row's group from its code without hashing or comparing the value).
 *
 * <p>{@code dictionary} only identifies the dictionary: equal codes mean equal values only between columns
 * whose codes name the same dictionary object. The scan attaches codes to the {@link Batch} it produces; an
 * operator that makes new vectors makes a batch without them, so codes never describe a vector they were
 * not made for.
 */
public final class DictionaryCodes implements AutoCloseable {
    private final Object dictionary;
    private final int dictionarySize;
    private ArrowBuf codes;

    private DictionaryCodes(Object dictionary, int dictionarySize, ArrowBuf codes) {
        this.dictionary = requireNonNull(dictionary, "dictionary is null");
        this.dictionarySize = dictionarySize;
        this.codes = codes;
    }

    /** Room for {@code rows} codes, to be filled by the decoder; the caller owns the result. */
    public static ArrowBuf allocate(int rows, BufferAllocator allocator) {
        return allocator.buffer(Math.max(4L, (long) rows << 2));
    }

    /** Takes ownership of {@code codes}, filled with one code per row. */
    public static DictionaryCodes of(Object dictionary, int dictionarySize, ArrowBuf codes) {
        return new DictionaryCodes(dictionary, dictionarySize, codes);
    }

    public Object dictionary() {
        return dictionary;
    }

    /** Number of entries in the dictionary: codes are in {@code [-1, dictionarySize)}. */
    public int dictionarySize() {
        return dictionarySize;
    }

    /** Address of the first row's code (4 bytes per row), for bulk reads. */
    public long address() {
        return codes.memoryAddress();
    }

    public int code(int row) {
        return MemoryUtil.getInt(codes.memoryAddress() + ((long) row << 2));
    }

    public long allocatedBytes() {
        return codes == null ? 0 : codes.capacity();
    }

    @Override
    public void close() {
        if (codes != null) {
            codes.close();
            codes = null;
        }
    }
}
