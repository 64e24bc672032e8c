package dev.spillway.exec.aggregate;

import dev.spillway.types.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The running state of one aggregate for every group of a hash table, off-heap. Raw input rows are
 * folded in with {@link #update}; partial states (from another thread's table, later from a spill
 * file) with {@link #combine}. Results come out per range of groups, either as partial state columns
 * or as the final value.
 */
public interface Accumulator extends AutoCloseable {
    /** Types of the partial state columns, in order. */
    List<DataType> stateTypes();

    /** Makes room for groups {@code [0, groups)}, new ones starting empty. */
    void ensureGroups(int groups);

    /** Folds row i of {@code input} into group {@code groups[i]}; {@code input} is null for count(*). */
    void update(int[] groups, int rows, FieldVector input);

    /** Folds partial state row i (one vector per state column) into group {@code groups[i]}. */
    void combine(int[] groups, int rows, FieldVector[] states);

    FieldVector[] emitState(int firstGroup, int count, BufferAllocator allocator);

    FieldVector emitFinal(int firstGroup, int count, BufferAllocator allocator);

    long allocatedBytes();

    @Override
    void close();
}
