package dev.spillway.exec.eval;

import dev.spillway.types.DataType;

/** How a logical type is laid out in memory; kernels are written once per layout, not per type. */
public enum Physical {
    NULL, BIT, INT32, INT64, FLOAT64, DEC128, UTF8;

    public static Physical of(DataType type) {
        return switch (type.id()) {
            case NULL -> NULL;
            case BOOLEAN -> BIT;
            case INTEGER, DATE -> INT32;
            case BIGINT, TIMESTAMP -> INT64;
            case DECIMAL -> type.isLongDecimal() ? INT64 : DEC128;
            case DOUBLE -> FLOAT64;
            case VARCHAR -> UTF8;
            case INTERVAL -> throw new IllegalArgumentException("INTERVAL values exist only as constants");
        };
    }
}
