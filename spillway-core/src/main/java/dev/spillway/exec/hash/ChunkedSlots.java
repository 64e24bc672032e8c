package dev.spillway.exec.hash;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A growable off-heap array of fixed-width records, one per group, in chunks of {@link #CHUNK_ROWS} so
 * that growth never copies and memory follows the number of groups. New records are zeroed.
 */
public final class ChunkedSlots implements AutoCloseable {
    public static final int CHUNK_SHIFT = 13;
    public static final int CHUNK_ROWS = 1 << CHUNK_SHIFT;
    public static final int CHUNK_MASK = CHUNK_ROWS - 1;

    private final BufferAllocator allocator;
    private final int width;
    private final List<ArrowBuf> chunks = new ArrayList<>();
    private ArrowBuf[] fast = new ArrowBuf[0];
    private long[] addresses = new long[0];

    public ChunkedSlots(BufferAllocator allocator, int width) {
        this.allocator = allocator;
        this.width = width;
    }

    public int width() {
        return width;
    }

    /** Makes room for records {@code [0, count)}. */
    public void ensure(int count) {
        int needed = (count + CHUNK_MASK) >>> CHUNK_SHIFT;
        while (chunks.size() < needed) {
            ArrowBuf chunk = allocator.buffer((long) CHUNK_ROWS * width);
            chunk.setZero(0, chunk.capacity());
            chunks.add(chunk);
        }
        if (fast.length != chunks.size()) {
            fast = chunks.toArray(ArrowBuf[]::new);
            addresses = chunks.stream().mapToLong(ArrowBuf::memoryAddress).toArray();
        }
    }

    /** The memory address of a record (valid until the next {@link #ensure} or {@link #close}). */
    public long address(int record) {
        return addresses[record >>> CHUNK_SHIFT] + (long) (record & CHUNK_MASK) * width;
    }

    /** The chunk holding a record. */
    public ArrowBuf chunk(int record) {
        return fast[record >>> CHUNK_SHIFT];
    }

    /** Byte offset of a record's field inside its chunk. */
    public long offset(int record, int field) {
        return (long) (record & CHUNK_MASK) * width + field;
    }

    public long getLong(int record, int field) {
        return fast[record >>> CHUNK_SHIFT].getLong((long) (record & CHUNK_MASK) * width + field);
    }

    public void setLong(int record, int field, long value) {
        fast[record >>> CHUNK_SHIFT].setLong((long) (record & CHUNK_MASK) * width + field, value);
    }

    public double getDouble(int record, int field) {
        return fast[record >>> CHUNK_SHIFT].getDouble((long) (record & CHUNK_MASK) * width + field);
    }

    public void setDouble(int record, int field, double value) {
        fast[record >>> CHUNK_SHIFT].setDouble((long) (record & CHUNK_MASK) * width + field, value);
    }

    public int getInt(int record, int field) {
        return fast[record >>> CHUNK_SHIFT].getInt((long) (record & CHUNK_MASK) * width + field);
    }

    public void setInt(int record, int field, int value) {
        fast[record >>> CHUNK_SHIFT].setInt((long) (record & CHUNK_MASK) * width + field, value);
    }

    public byte getByte(int record, int field) {
        return fast[record >>> CHUNK_SHIFT].getByte((long) (record & CHUNK_MASK) * width + field);
    }

    public void setByte(int record, int field, byte value) {
        fast[record >>> CHUNK_SHIFT].setByte((long) (record & CHUNK_MASK) * width + field, value);
    }

    public long allocatedBytes() {
        return (long) chunks.size() * CHUNK_ROWS * width;
    }

    @Override
    public void close() {
        chunks.forEach(ArrowBuf::close);
        chunks.clear();
        fast = new ArrowBuf[0];
        addresses = new long[0];
    }
}
