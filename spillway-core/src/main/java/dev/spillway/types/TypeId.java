package dev.spillway.types;

/** The logical types Spillway supports. */
public enum TypeId {
    /** The type of an untyped NULL literal; coerced to the other operand's type when bound. */
    NULL,
    BOOLEAN,
    INTEGER,
    BIGINT,
    DOUBLE,
    DECIMAL,
    VARCHAR,
    DATE,
    TIMESTAMP,
    /** Months, days and microseconds; literals and date arithmetic only, never stored in a column. */
    INTERVAL
}
