package dev.spillway.exec.eval;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/** Reads a decimal column as 128-bit (high, low) pairs whether it is stored in 64 or 128 bits. */
abstract class WideReader {
    abstract long high(int row);

    abstract long low(int row);

    static WideReader of(FieldVector vector) {
        ArrowBuf data = vector.getDataBuffer();
        if (vector instanceof BigIntVector) {
            return new WideReader() {
                @Override
                long high(int row) {
                    return data.getLong((long) row << 3) >> 63;
                }

                @Override
                long low(int row) {
                    return data.getLong((long) row << 3);
                }
            };
        }
        return new WideReader() {
            @Override
            long high(int row) {
                return data.getLong(((long) row << 4) + 8);
            }

            @Override
            long low(int row) {
                return data.getLong((long) row << 4);
            }
        };
    }
}
