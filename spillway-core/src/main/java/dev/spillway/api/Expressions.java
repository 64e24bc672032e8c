package dev.spillway.api;

import dev.spillway.expr.AggregateFunction;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Function;
import dev.spillway.expr.Functions;
import dev.spillway.expr.Literal;
import dev.spillway.types.DataType;
import dev.spillway.types.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Static factories for DataFrame expressions: {@code import static dev.spillway.api.Expressions.*}. */
public final class Expressions {
    private Expressions() {}

    public static Column col(String name) {
        return Column.named(name);
    }

    /** A constant; Java values map to BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL, VARCHAR, DATE, TIMESTAMP. */
    public static Column lit(Object value) {
        Literal literal = literal(value);
        return Column.of(schema -> literal, literal.toString());
    }

    static Literal literal(Object value) {
        return switch (value) {
            case null -> Literal.nullOf(DataType.NULL);
            case Boolean b -> Literal.of(b);
            case Integer i -> Literal.of(i);
            case Long l -> Literal.of(l);
            case Double d -> Literal.of(d);
            case Float f -> Literal.of((double) f);
            case BigDecimal d -> Literal.of(d);
            case String s -> Literal.of(s);
            case LocalDate d -> Literal.of(d);
            case LocalDateTime t -> new Literal(t, DataType.TIMESTAMP);
            case Interval i -> new Literal(i, DataType.INTERVAL);
            default -> throw dev.spillway.errors.SpillwayException.userError("unsupported literal of class %s", value.getClass().getName());
        };
    }

    static Column toColumn(Object value) {
        return value instanceof Column column ? column : lit(value);
    }

    static Column call(Function function, String name, List<Column> operands) {
        return Column.of(schema -> {
            List<Expr> args = new ArrayList<>();
            for (Column operand : operands) {
                args.add(operand.bind(schema));
            }
            return Functions.call(function, args);
        }, name);
    }

    /** Any scalar function by its {@link Function} name, e.g. {@code fn("lower", col("name"))}. */
    public static Column fn(String function, Object... args) {
        Function resolved = Function.valueOf(function.toUpperCase(java.util.Locale.ROOT));
        List<Column> operands = new ArrayList<>();
        for (Object arg : args) {
            operands.add(toColumn(arg));
        }
        return call(resolved, function + "(" + String.join(", ", operands.stream().map(Column::name).toList()) + ")", operands);
    }

    public static Column when(Column condition, Object value, Object otherwise) {
        return call(Function.CASE, "CASE", List.of(condition, toColumn(value), toColumn(otherwise)));
    }

    public static Column coalesce(Object... values) {
        List<Column> operands = new ArrayList<>();
        for (Object value : values) {
            operands.add(toColumn(value));
        }
        return call(Function.COALESCE, "coalesce", operands);
    }

    public static Column countStar() {
        return Column.aggregate(AggregateFunction.COUNT_STAR, List.of(), false, "count_star()");
    }

    public static Column count(Column column) {
        return aggregate(AggregateFunction.COUNT, column, false);
    }

    public static Column countDistinct(Column column) {
        return aggregate(AggregateFunction.COUNT, column, true);
    }

    public static Column sum(Column column) {
        return aggregate(AggregateFunction.SUM, column, false);
    }

    public static Column avg(Column column) {
        return aggregate(AggregateFunction.AVG, column, false);
    }

    public static Column min(Column column) {
        return aggregate(AggregateFunction.MIN, column, false);
    }

    public static Column max(Column column) {
        return aggregate(AggregateFunction.MAX, column, false);
    }

    public static Column stddevSamp(Column column) {
        return aggregate(AggregateFunction.STDDEV_SAMP, column, false);
    }

    public static Column varSamp(Column column) {
        return aggregate(AggregateFunction.VAR_SAMP, column, false);
    }

    private static Column aggregate(AggregateFunction function, Column column, boolean distinct) {
        return Column.aggregate(function, List.of(column), distinct,
                function.sqlName() + "(" + (distinct ? "DISTINCT " : "") + column.name() + ")");
    }
}
