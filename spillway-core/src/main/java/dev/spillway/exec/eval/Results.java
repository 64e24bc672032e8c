package dev.spillway.exec.eval;

import dev.spillway.data.Vectors;
import dev.spillway.types.DataType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/** Allocation of result vectors and propagation of NULLs from arguments to results. */
final class Results {
    private Results() {}

    static BitVector newBits(int rows, EvalContext context) {
        return (BitVector) Vectors.allocate(DataType.BOOLEAN, "result", rows, context.allocator());
    }

    static FieldVector newVector(DataType type, int rows, EvalContext context) {
        return Vectors.allocate(type, "result", rows, context.allocator());
    }

    /** result valid where the argument is valid. */
    static void validityFrom(FieldVector result, FieldVector argument, int rows) {
        ArrowBuf target = result.getValidityBuffer();
        if (argument instanceof NullVector) {
            target.setZero(0, Bits.wordBytes(rows));
        } else {
            Bits.copy(argument.getValidityBuffer(), target, rows);
        }
    }

    /** result valid where both arguments are valid. */
    static void validityFrom(FieldVector result, FieldVector a, FieldVector b, int rows) {
        ArrowBuf target = result.getValidityBuffer();
        if (a instanceof NullVector || b instanceof NullVector) {
            target.setZero(0, Bits.wordBytes(rows));
        } else {
            Bits.and(a.getValidityBuffer(), b.getValidityBuffer(), target, rows);
        }
    }

    /** True if the row is valid in every vector. */
    static boolean allValid(FieldVector[] vectors, int row) {
        for (FieldVector vector : vectors) {
            if (vector instanceof NullVector || !Bits.isSet(vector.getValidityBuffer(), row)) {
                return false;
            }
        }
        return true;
    }
}
