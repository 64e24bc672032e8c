package dev.spillway.expr;

import static java.util.Objects.requireNonNull;

import dev.spillway.types.DataType;
import java.util.List;

/** A conversion of the input to another type; a value that does not convert is a user error naming the value. */
public record Cast(Expr input, DataType type) implements Expr {
    public Cast {
        requireNonNull(input, "input is null");
        requireNonNull(type, "type is null");
    }

    @Override
    public List<Expr> children() {
        return List.of(input);
    }

    @Override
    public Expr withChildren(List<Expr> children) {
        return new Cast(children.get(0), type);
    }

    @Override
    public String toString() {
        return "CAST(" + input + " AS " + type + ")";
    }
}
