package dev.spillway.exec.hash;

import static dev.spillway.exec.hash.ChunkedSlots.CHUNK_MASK;
import static dev.spillway.exec.hash.ChunkedSlots.CHUNK_ROWS;
import static dev.spillway.exec.hash.ChunkedSlots.CHUNK_SHIFT;

import dev.spillway.data.Vectors;
import dev.spillway.exec.eval.Bits;
import dev.spillway.exec.eval.Physical;
import dev.spillway.exec.eval.Strings;
import dev.spillway.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The values of one key column for every group of a hash table, stored column-wise in Arrow vectors of
 * {@link ChunkedSlots#CHUNK_ROWS} rows. At the end the chunks become output columns without copying.
 * Two NULL keys are equal (SQL grouping semantics).
 */
public final class KeyColumnStore implements AutoCloseable {
    private final DataType type;
    private final Physical physical;
    private final BufferAllocator allocator;
    private final List<FieldVector> chunks = new ArrayList<>();
    private ArrowBuf[] data = new ArrowBuf[0];
    private ArrowBuf[] validity = new ArrowBuf[0];
    private ArrowBuf[] offsets = new ArrowBuf[0];
    /** For strings: each group's {@link ProbeColumn#stringWord}, 8 bytes per group, so most comparisons read no string bytes. */
    private ArrowBuf[] words = new ArrowBuf[0];
    /** Whether some group's key is NULL; until then matching need not read the stored validity. */
    private boolean storedNulls;

    public KeyColumnStore(DataType type, BufferAllocator allocator) {
        this.type = type;
        this.physical = Physical.of(type);
        this.allocator = allocator;
    }

    public DataType type() {
        return type;
    }

    /** Stores {@code source[row]} as the key of {@code group}; groups are appended in order. */
    public void append(FieldVector source, int row, int group) {
        int chunk = group >>> CHUNK_SHIFT;
        int position = group & CHUNK_MASK;
        if (chunk == chunks.size()) {
            addChunk();
        }
        FieldVector target = chunks.get(chunk);
        boolean isNull = source instanceof NullVector || !Bits.isSet(source.getValidityBuffer(), row);
        storedNulls |= isNull;
        if (physical == Physical.NULL) {
            return;
        }
        if (physical == Physical.UTF8) {
            VarCharVector strings = (VarCharVector) target;
            if (isNull) {
                strings.setNull(position);
                strings.setLastSet(position);
                fillEmptyOffset(strings, position);
            } else {
                VarCharVector input = (VarCharVector) source;
                int start = input.getStartOffset(row);
                int length = input.getEndOffset(row) - start;
                strings.setSafe(position, input.getDataBuffer().nioBuffer(start, length), 0, length);
                data[chunk] = strings.getDataBuffer();
                words[chunk].setLong((long) position << 3, ProbeColumn.stringWord(input.getDataBuffer(), start, length));
            }
            return;
        }
        if (isNull) {
            Bits.clear(validity[chunk], position);
            return;
        }
        Bits.set(validity[chunk], position);
        ArrowBuf in = source.getDataBuffer();
        ArrowBuf out = data[chunk];
        switch (physical) {
            case INT32 -> out.setInt((long) position << 2, in.getInt((long) row << 2));
            case INT64, FLOAT64 -> out.setLong((long) position << 3, in.getLong((long) row << 3));
            case DEC128 -> out.setBytes((long) position << 4, in, (long) row << 4, 16);
            case BIT -> {
                if (Bits.isSet(in, row)) {
                    Bits.set(out, position);
                } else {
                    Bits.clear(out, position);
                }
            }
            default -> throw new IllegalStateException(physical.toString());
        }
    }

    /**
     * Stores {@code source[rows[j]]} as the key of group {@code firstGroup + j} for {@code j < count}; groups are
     * appended in order. Integer keys are copied in one loop per chunk.
     */
    public void appendRows(FieldVector source, int[] rows, int count, int firstGroup) {
        if (physical != Physical.INT32 && physical != Physical.INT64 || Vectors.hasNulls(source, source.getValueCount())) {
            for (int j = 0; j < count; j++) {
                append(source, rows[j], firstGroup + j);
            }
            return;
        }
        long in = source.getDataBuffer().memoryAddress();
        int j = 0;
        while (j < count) {
            int group = firstGroup + j;
            int chunk = group >>> CHUNK_SHIFT;
            if (chunk == chunks.size()) {
                addChunk();
            }
            int position = group & CHUNK_MASK;
            int n = Math.min(count - j, CHUNK_ROWS - position);
            long out = data[chunk].memoryAddress();
            if (physical == Physical.INT32) {
                for (int k = 0; k < n; k++) {
                    MemoryUtil.putInt(out + ((long) (position + k) << 2), MemoryUtil.getInt(in + ((long) rows[j + k] << 2)));
                }
            } else {
                for (int k = 0; k < n; k++) {
                    MemoryUtil.putLong(out + ((long) (position + k) << 3), MemoryUtil.getLong(in + ((long) rows[j + k] << 3)));
                }
            }
            Vectors.setRange(validity[chunk], position, n);
            j += n;
        }
    }

    private static void fillEmptyOffset(VarCharVector strings, int position) {
        ArrowBuf offsets = strings.getOffsetBuffer();
        offsets.setInt((long) (position + 1) << 2, offsets.getInt((long) position << 2));
    }

    private void addChunk() {
        FieldVector vector = physical == Physical.UTF8
                ? Vectors.allocateVarchar("key", CHUNK_ROWS, (long) CHUNK_ROWS * 16, allocator)
                : Vectors.allocate(type, "key", CHUNK_ROWS, allocator);
        if (!(vector instanceof NullVector)) {
            vector.getValidityBuffer().setZero(0, vector.getValidityBuffer().capacity());
        }
        chunks.add(vector);
        data = java.util.Arrays.copyOf(data, chunks.size());
        validity = java.util.Arrays.copyOf(validity, chunks.size());
        offsets = java.util.Arrays.copyOf(offsets, chunks.size());
        words = java.util.Arrays.copyOf(words, chunks.size());
        if (!(vector instanceof NullVector)) {
            data[chunks.size() - 1] = vector.getDataBuffer();
            validity[chunks.size() - 1] = vector.getValidityBuffer();
            if (vector instanceof VarCharVector) {
                offsets[chunks.size() - 1] = vector.getOffsetBuffer();
                words[chunks.size() - 1] = allocator.buffer((long) CHUNK_ROWS << 3);
            }
        }
    }

    /**
     * For each row whose {@code candidates} entry is a group, keeps it if that group's key equals the row's value
     * in {@code probe} and sets it to -1 otherwise.
     */
    void keepMatching(int[] candidates, ProbeColumn probe, int rows) {
        boolean noNulls = !storedNulls && !probe.hasNulls();
        if (noNulls && (physical == Physical.INT32 || physical == Physical.INT64)) {
            keepMatchingIntegers(candidates, probe.data().memoryAddress(), rows);
        } else if (noNulls && physical == Physical.UTF8) {
            for (int i = 0; i < rows; i++) {
                int group = candidates[i];
                if (group >= 0 && !stringMatches(group >>> CHUNK_SHIFT, group & CHUNK_MASK, probe, i)) {
                    candidates[i] = -1;
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                int group = candidates[i];
                if (group >= 0 && !matches(group, probe, i)) {
                    candidates[i] = -1;
                }
            }
        }
    }

    private void keepMatchingIntegers(int[] candidates, long in, int rows) {
        if (physical == Physical.INT32) {
            for (int i = 0; i < rows; i++) {
                int group = candidates[i];
                if (group >= 0 && MemoryUtil.getInt(address(group, 2)) != MemoryUtil.getInt(in + ((long) i << 2))) {
                    candidates[i] = -1;
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                int group = candidates[i];
                if (group >= 0 && MemoryUtil.getLong(address(group, 3)) != MemoryUtil.getLong(in + ((long) i << 3))) {
                    candidates[i] = -1;
                }
            }
        }
    }

    private long address(int group, int shift) {
        return data[group >>> CHUNK_SHIFT].memoryAddress() + ((long) (group & CHUNK_MASK) << shift);
    }

    /** True if the key of {@code group} equals row {@code row} of the probe column (NULL equals NULL). */
    boolean matches(int group, ProbeColumn probe, int row) {
        int chunk = group >>> CHUNK_SHIFT;
        int position = group & CHUNK_MASK;
        boolean storedNull = physical == Physical.NULL || !Bits.isSet(validity[chunk], position);
        boolean probeNull = probe.isNull(row);
        if (storedNull || probeNull) {
            return storedNull && probeNull;
        }
        ArrowBuf stored = data[chunk];
        ArrowBuf in = probe.data();
        return switch (physical) {
            case INT32 -> stored.getInt((long) position << 2) == in.getInt((long) row << 2);
            case INT64 -> stored.getLong((long) position << 3) == in.getLong((long) row << 3);
            case FLOAT64 -> sameDouble(stored.getDouble((long) position << 3), in.getDouble((long) row << 3));
            case DEC128 -> stored.getLong((long) position << 4) == in.getLong((long) row << 4)
                    && stored.getLong(((long) position << 4) + 8) == in.getLong(((long) row << 4) + 8);
            case BIT -> Bits.isSet(stored, position) == Bits.isSet(in, row);
            case UTF8 -> stringMatches(chunk, position, probe, row);
            case NULL -> true;
        };
    }

    private static boolean sameDouble(double a, double b) {
        double x = Hashing.normalize(a);
        double y = Hashing.normalize(b);
        return x == y || (Double.isNaN(x) && Double.isNaN(y));
    }

    private boolean stringMatches(int chunk, int position, ProbeColumn probe, int row) {
        long word = words[chunk].getLong((long) position << 3);
        if (word != probe.word(row)) {
            return false;
        }
        if (word >>> 56 <= 7) {
            return true;
        }
        ArrowBuf storedOffsets = offsets[chunk];
        int storedStart = storedOffsets.getInt((long) position << 2);
        int storedLength = storedOffsets.getInt((long) (position + 1) << 2) - storedStart;
        ArrowBuf probeOffsets = probe.offsets();
        int start = probeOffsets.getInt((long) row << 2);
        int length = probeOffsets.getInt((long) (row + 1) << 2) - start;
        return Strings.equals(data[chunk], storedStart, storedLength, probe.data(), start, length);
    }

    /** A view of the stored keys of one chunk (the store keeps ownership). */
    public FieldVector chunk(int chunk, int rows) {
        FieldVector vector = chunks.get(chunk);
        vector.setValueCount(rows);
        return vector;
    }

    /** Moves one chunk's vector out, accounted to {@code target}; the store must not be used for that chunk again. */
    public FieldVector takeChunk(int chunk, int rows, BufferAllocator target) {
        FieldVector vector = chunk(chunk, rows);
        var transfer = vector.getTransferPair(target);
        transfer.transfer();
        FieldVector moved = (FieldVector) transfer.getTo();
        moved.setValueCount(rows);
        vector.close();
        if (words[chunk] != null) {
            words[chunk].close();
            words[chunk] = null;
        }
        return moved;
    }

    public long allocatedBytes() {
        long bytes = 0;
        for (FieldVector chunk : chunks) {
            bytes += Vectors.allocatedBytes(chunk);
        }
        for (ArrowBuf chunkWords : words) {
            bytes += chunkWords == null ? 0 : chunkWords.capacity();
        }
        return bytes;
    }

    @Override
    public void close() {
        chunks.forEach(FieldVector::close);
        chunks.clear();
        for (ArrowBuf chunkWords : words) {
            if (chunkWords != null) {
                chunkWords.close();
            }
        }
        words = new ArrowBuf[0];
        data = new ArrowBuf[0];
        validity = new ArrowBuf[0];
        offsets = new ArrowBuf[0];
    }
}
