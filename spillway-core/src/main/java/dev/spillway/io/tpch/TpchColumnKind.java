package dev.spillway.io.tpch;

import dev.spillway.types.DataType;

/**
 * How a generator column becomes a Spillway column. Money and quantities come from the generator's exact
 * hundredths ({@code getIdentifier} of its DOUBLE columns), never through a double.
 */
enum TpchColumnKind {
    /** {@code *key} columns: BIGINT from {@code getIdentifier}. */
    KEY(DataType.BIGINT),
    /** l_linenumber, p_size, ps_availqty, o_shippriority. */
    INTEGER(DataType.INTEGER),
    /** Prices, balances, quantities, discounts and taxes: DECIMAL(15,2) from the generator's hundredths. */
    MONEY(DataType.decimal(15, 2)),
    /** Days since 1970-01-01. */
    DATE(DataType.DATE),
    TEXT(DataType.VARCHAR);

    private final DataType type;

    TpchColumnKind(DataType type) {
        this.type = type;
    }

    DataType type() {
        return type;
    }

    static TpchColumnKind of(io.trino.tpch.TpchColumnType.Base base) {
        return switch (base) {
            case IDENTIFIER -> KEY;
            case INTEGER -> INTEGER;
            case DOUBLE -> MONEY;
            case DATE -> DATE;
            case VARCHAR -> TEXT;
        };
    }
}
