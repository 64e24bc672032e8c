package dev.spillway.io.parquet;

import org.apache.arrow.vector.FieldVector;

/**
 * Decodes the non-NULL values of one data page into an Arrow vector. Definition levels are handled by the
 * caller, which asks for runs of consecutive non-NULL values: so each implementation has one bulk method
 * and no per-value branching on nullness.
 */
interface ValuesDecoder {
    /**
     * Decodes the next {@code count} values into rows {@code [row, row + count)} of {@code out}. The vector's
     * fixed-width buffers have room for those rows; for variable-width vectors the offset of {@code row} is
     * already set and the data buffer grows as needed. Validity is the caller's job.
     */
    void read(FieldVector out, int row, int count);
}
