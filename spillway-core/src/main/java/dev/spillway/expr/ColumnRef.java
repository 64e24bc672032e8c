package dev.spillway.expr;

import static java.util.Objects.requireNonNull;

import dev.spillway.types.DataType;
import java.util.List;

/** The value of input column {@code index}; the name is only for display. */
public record ColumnRef(int index, String name, DataType type) implements Expr {
    public ColumnRef {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (index < 0) {
            throw new IllegalArgumentException("negative column index " + index);
        }
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    public Expr withChildren(List<Expr> children) {
        return this;
    }

    @Override
    public String toString() {
        return name + "#" + index;
    }
}
