package dev.spillway.expr;

import dev.spillway.types.DataType;
import java.util.List;

/**
 * A bound, typed scalar expression over the columns of one input (referenced by position).
 * Immutable; built by the SQL front end and the DataFrame API through {@link Functions}, which applies
 * the typing rules, and compiled into vectorized kernels by the executor.
 */
public sealed interface Expr permits ColumnRef, Literal, Call, Cast {
    DataType type();

    List<Expr> children();

    /** A copy with new children, in the same order as {@link #children()}. */
    Expr withChildren(List<Expr> children);
}
