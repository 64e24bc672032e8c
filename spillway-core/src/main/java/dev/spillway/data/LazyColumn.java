package dev.spillway.data;

import org.apache.arrow.vector.FieldVector;

/**
 * A column of a {@link Batch} whose vector is built only when an operator asks for it (see
 * {@link Batch#column}): a string column read from a dictionary is kept as its rows' codes, and an operator
 * that works on the codes alone (grouping) never pays for copying the strings.
 */
public interface LazyColumn extends AutoCloseable {
    /** Builds the column's vector of {@code rows} rows; the caller owns it. */
    FieldVector materialize(int rows);

    /** Releases what the column holds to build the vector later. */
    @Override
    void close();
}
