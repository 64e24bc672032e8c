package dev.spillway.expr;

import static java.util.Objects.requireNonNull;

import dev.spillway.types.DataType;
import java.util.List;
import java.util.stream.Collectors;

/** A call of a scalar function whose arguments already have the types the function expects (see {@link Functions}). */
public record Call(Function function, List<Expr> args, DataType type) implements Expr {
    public Call {
        requireNonNull(function, "function is null");
        args = List.copyOf(requireNonNull(args, "args is null"));
        requireNonNull(type, "type is null");
    }

    @Override
    public List<Expr> children() {
        return args;
    }

    @Override
    public Expr withChildren(List<Expr> children) {
        return new Call(function, children, type);
    }

    @Override
    public String toString() {
        if (function.symbol() != null && args.size() == 2) {
            return "(" + args.get(0) + " " + function.symbol() + " " + args.get(1) + ")";
        }
        return function.sqlName() + "(" + args.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
    }
}
