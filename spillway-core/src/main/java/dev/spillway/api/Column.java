package dev.spillway.api;

import static java.util.Objects.requireNonNull;

import dev.spillway.expr.AggregateFunction;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Function;
import dev.spillway.expr.Functions;
import dev.spillway.types.DataType;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * An expression of the DataFrame API, not yet bound: column names are resolved against the input of
 * the operation it is used in. Build with {@link Expressions}: {@code col("price").times(col("qty")).as("total")}.
 */
public final class Column {
    /** Binds the expression to an input schema. */
    interface Binder {
        Expr bind(Schema schema);
    }

    private final Binder binder;
    private final String name;
    private final AggregateFunction aggregate;
    private final List<Column> aggregateArgs;
    private final boolean distinct;

    private Column(Binder binder, String name, AggregateFunction aggregate, List<Column> aggregateArgs, boolean distinct) {
        this.binder = binder;
        this.name = name;
        this.aggregate = aggregate;
        this.aggregateArgs = aggregateArgs;
        this.distinct = distinct;
    }

    static Column of(Binder binder, String name) {
        return new Column(requireNonNull(binder, "binder is null"), name, null, List.of(), false);
    }

    static Column aggregate(AggregateFunction function, List<Column> args, boolean distinct, String name) {
        return new Column(null, name, function, List.copyOf(args), distinct);
    }

    static Column named(String columnName) {
        return of(schema -> {
            int index = schema.require(columnName);
            return new ColumnRef(index, schema.field(index).name(), schema.type(index));
        }, columnName);
    }

    /** The output name: the alias, the column name, or a rendering of the expression. */
    public String name() {
        return name;
    }

    boolean isAggregate() {
        return aggregate != null;
    }

    AggregateFunction aggregateFunction() {
        return aggregate;
    }

    List<Column> aggregateArgs() {
        return aggregateArgs;
    }

    boolean isDistinct() {
        return distinct;
    }

    Expr bind(Schema schema) {
        if (aggregate != null) {
            throw dev.spillway.errors.SpillwayException.userError("aggregate %s can only be used in agg()", name);
        }
        return binder.bind(schema);
    }

    public Column as(String alias) {
        return new Column(binder, requireNonNull(alias, "alias is null"), aggregate, aggregateArgs, distinct);
    }

    private Column call(Function function, String symbol, Object... others) {
        List<Column> operands = new ArrayList<>();
        operands.add(this);
        for (Object other : others) {
            operands.add(Expressions.toColumn(other));
        }
        String text = symbol != null && operands.size() == 2
                ? "(" + name + " " + symbol + " " + operands.get(1).name + ")"
                : function.sqlName() + "(" + String.join(", ", operands.stream().map(Column::name).toList()) + ")";
        return Expressions.call(function, text, operands);
    }

    public Column plus(Object other) {
        return call(Function.ADD, "+", other);
    }

    public Column minus(Object other) {
        return call(Function.SUBTRACT, "-", other);
    }

    public Column times(Object other) {
        return call(Function.MULTIPLY, "*", other);
    }

    public Column dividedBy(Object other) {
        return call(Function.DIVIDE, "/", other);
    }

    public Column mod(Object other) {
        return call(Function.MODULO, "%", other);
    }

    public Column eq(Object other) {
        return call(Function.EQUAL, "=", other);
    }

    public Column ne(Object other) {
        return call(Function.NOT_EQUAL, "<>", other);
    }

    public Column lt(Object other) {
        return call(Function.LESS_THAN, "<", other);
    }

    public Column le(Object other) {
        return call(Function.LESS_THAN_OR_EQUAL, "<=", other);
    }

    public Column gt(Object other) {
        return call(Function.GREATER_THAN, ">", other);
    }

    public Column ge(Object other) {
        return call(Function.GREATER_THAN_OR_EQUAL, ">=", other);
    }

    public Column and(Column other) {
        return call(Function.AND, "AND", other);
    }

    public Column or(Column other) {
        return call(Function.OR, "OR", other);
    }

    public Column not() {
        return call(Function.NOT, null);
    }

    public Column isNull() {
        return call(Function.IS_NULL, null);
    }

    public Column isNotNull() {
        return call(Function.IS_NOT_NULL, null);
    }

    public Column like(String pattern) {
        return call(Function.LIKE, "LIKE", pattern);
    }

    public Column between(Object low, Object high) {
        return ge(low).and(le(high)).as(name + " BETWEEN " + Expressions.toColumn(low).name + " AND " + Expressions.toColumn(high).name);
    }

    public Column in(Object... values) {
        return call(Function.IN, null, values);
    }

    public Column cast(DataType type) {
        Column self = this;
        return of(schema -> Functions.cast(self.bind(schema), type), "CAST(" + name + " AS " + type + ")");
    }

    public SortOrder asc() {
        return new SortOrder(this, true, false);
    }

    public SortOrder desc() {
        return new SortOrder(this, false, false);
    }

    /** One ORDER BY key of {@link DataFrame#sort}. */
    public record SortOrder(Column column, boolean ascending, boolean nullsFirst) {
        public SortOrder withNullsFirst() {
            return new SortOrder(column, ascending, true);
        }

        public SortOrder withNullsLast() {
            return new SortOrder(column, ascending, false);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
