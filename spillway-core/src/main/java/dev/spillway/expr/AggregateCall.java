package dev.spillway.expr;

import static java.util.Objects.requireNonNull;

import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import dev.spillway.types.TypeId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One aggregate of an aggregation: function, arguments (expressions over the aggregation's input),
 * DISTINCT flag, result type and output name. Build with {@link #of} to get DuckDB's result types.
 */
public record AggregateCall(AggregateFunction function, List<Expr> args, boolean distinct, DataType type, String name) {
    public AggregateCall {
        requireNonNull(function, "function is null");
        args = List.copyOf(requireNonNull(args, "args is null"));
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
    }

    public static AggregateCall of(AggregateFunction function, List<Expr> args, boolean distinct, String name) {
        if (function == AggregateFunction.COUNT_STAR) {
            if (!args.isEmpty()) {
                throw SpillwayException.userError("count(*) takes no arguments");
            }
            return new AggregateCall(function, args, false, DataType.BIGINT, name);
        }
        if (args.size() != 1) {
            throw SpillwayException.userError("%s takes one argument, got %d", function.sqlName(), args.size());
        }
        Expr arg = args.get(0);
        DataType input = arg.type();
        if (input.id() == TypeId.NULL) {
            input = DataType.INTEGER;
            arg = Literal.nullOf(input);
        }
        DataType result = switch (function) {
            case COUNT_STAR, COUNT -> DataType.BIGINT;
            case SUM -> switch (input.id()) {
                case INTEGER, BIGINT -> DataType.BIGINT;
                case DOUBLE -> DataType.DOUBLE;
                case DECIMAL -> DataType.decimal(DataType.MAX_DECIMAL_PRECISION, input.scale());
                default -> throw notFor(function, input);
            };
            case AVG, STDDEV_SAMP, VAR_SAMP, STDDEV_POP, VAR_POP -> {
                if (!input.isNumeric()) {
                    throw notFor(function, input);
                }
                yield DataType.DOUBLE;
            }
            case MIN, MAX, ANY_VALUE -> input;
            case BOOL_AND, BOOL_OR -> {
                if (input.id() != TypeId.BOOLEAN) {
                    throw notFor(function, input);
                }
                yield DataType.BOOLEAN;
            }
        };
        boolean effectiveDistinct = distinct && !function.isDuplicateInsensitive();
        return new AggregateCall(function, List.of(arg), effectiveDistinct, result, name);
    }

    private static SpillwayException notFor(AggregateFunction function, DataType type) {
        return SpillwayException.userError("%s is not defined for %s", function.sqlName(), type);
    }

    public AggregateCall withArgs(List<Expr> newArgs) {
        return new AggregateCall(function, newArgs, distinct, type, name);
    }

    @Override
    public String toString() {
        if (function == AggregateFunction.COUNT_STAR) {
            return "count(*)";
        }
        return function.sqlName() + "(" + (distinct ? "DISTINCT " : "") + args.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
    }
}
