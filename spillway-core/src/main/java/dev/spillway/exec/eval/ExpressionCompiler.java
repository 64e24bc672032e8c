package dev.spillway.exec.eval;

import dev.spillway.expr.Call;
import dev.spillway.expr.Cast;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.expr.Function;
import dev.spillway.expr.Functions;
import dev.spillway.expr.Literal;
import dev.spillway.types.DataType;
import dev.spillway.types.Interval;
import dev.spillway.types.TypeId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Compiles bound expressions into vectorized kernels. Compiled trees are per worker thread. */
public final class ExpressionCompiler {
    private ExpressionCompiler() {}

    public static VectorExpression compile(Expr expr) {
        return switch (expr) {
            case ColumnRef ref -> new ColumnExpression(ref.index(), ref.type());
            case Literal literal -> {
                if (literal.type().id() == TypeId.INTERVAL) {
                    throw new IllegalStateException("an INTERVAL can only be added to a date or timestamp");
                }
                yield new ConstantExpression(literal.type(), literal.value());
            }
            case Cast cast -> cast.type().equals(cast.input().type()) ? compile(cast.input()) : new CastExpression(compile(cast.input()), cast.type());
            case Call call -> compileCall(call);
        };
    }

    /** The column index if the compiled expression just reads an input column, else -1. */
    public static int columnIndex(VectorExpression expression) {
        return expression instanceof ColumnExpression column ? column.index() : -1;
    }

    private static VectorExpression compileCall(Call call) {
        List<Expr> args = call.args();
        Function function = call.function();
        return switch (function) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, INTEGER_DIVIDE, MODULO ->
                    new ArithmeticExpression(function, compile(args.get(0)), compile(args.get(1)), call.type());
            case NEGATE -> new ArithmeticExpression(Function.SUBTRACT, new ConstantExpression(call.type(), zero(call.type())), compile(args.get(0)), call.type());
            case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                Expr left = args.get(0);
                Expr right = args.get(1);
                if (left instanceof Literal && !(right instanceof Literal)) {
                    yield new ComparisonExpression(function.flip(), compile(right), compile(left));
                }
                yield new ComparisonExpression(function, compile(left), compile(right));
            }
            case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> new DistinctFromExpression(
                    new ComparisonExpression(Function.EQUAL, compile(args.get(0)), compile(args.get(1))),
                    compile(args.get(0)), compile(args.get(1)), function == Function.IS_DISTINCT_FROM);
            case AND, OR -> {
                Expr right = args.get(1);
                BitSet lazyColumns = Exprs.canFail(right) ? Exprs.columnsUsed(right) : null;
                yield new LogicalExpression(function, compile(args.get(0)), compile(right), lazyColumns);
            }
            case NOT, IS_NULL, IS_NOT_NULL -> new UnaryLogicalExpression(function, compile(args.get(0)));
            case CASE -> {
                List<VectorExpression> conditions = new ArrayList<>();
                List<VectorExpression> values = new ArrayList<>();
                for (int i = 0; i + 1 < args.size(); i += 2) {
                    conditions.add(compile(args.get(i)));
                    values.add(compile(args.get(i + 1)));
                }
                yield new CaseExpression(call.type(), conditions, values, compile(args.get(args.size() - 1)), Exprs.columnsUsed(call));
            }
            case COALESCE -> {
                List<VectorExpression> conditions = new ArrayList<>();
                List<VectorExpression> values = new ArrayList<>();
                for (int i = 0; i < args.size() - 1; i++) {
                    conditions.add(compile(Functions.call(Function.IS_NOT_NULL, args.get(i))));
                    values.add(compile(args.get(i)));
                }
                yield new CaseExpression(call.type(), conditions, values, compile(args.get(args.size() - 1)), Exprs.columnsUsed(call));
            }
            case IN -> compileIn(args);
            case LIKE, ILIKE -> {
                String escape = args.size() > 2 ? constantString(args.get(2)) : null;
                if (args.get(1) instanceof Literal pattern && pattern.value() != null && (args.size() < 3 || escape != null)) {
                    yield new LikeExpression(compile(args.get(0)), pattern.value().toString(), function == Function.ILIKE, escape);
                }
                if (args.get(1) instanceof Literal pattern && pattern.value() == null) {
                    yield new ConstantExpression(DataType.BOOLEAN, null);
                }
                yield new RowwiseExpression(DataType.BOOLEAN, compileAll(args), true, values -> new LikeMatcher(
                        (String) values[1], function == Function.ILIKE, values.length > 2 ? (String) values[2] : null).matches((String) values[0]));
            }
            case LOWER, UPPER, LENGTH, SUBSTRING -> new StringExpression(function, compileAll(args), call.type());
            case CONCAT -> new RowwiseExpression(call.type(), compileAll(args), false, RowFunctions.of(function, call.type()));
            case CONCAT_OPERATOR, TRIM, LTRIM, RTRIM, STARTS_WITH, CONTAINS, REPLACE, ABS, SIGN, FLOOR, CEIL, SQRT, LN, EXP, POWER ->
                    new RowwiseExpression(call.type(), compileAll(args), true, RowFunctions.of(function, call.type()));
            case ROUND -> new RowwiseExpression(call.type(), compileAll(args), false, values -> values[0] == null || values[1] == null
                    ? null : RowFunctions.of(function, call.type()).apply(values));
            case EXTRACT -> TemporalExpression.extract(constantString(args.get(0)), compile(args.get(1)), call.type());
            case DATE_TRUNC -> TemporalExpression.truncate(constantString(args.get(0)), compile(args.get(1)));
            case ADD_INTERVAL -> {
                Interval interval = constantInterval(args.get(1));
                yield interval == null ? new ConstantExpression(DataType.TIMESTAMP, null) : TemporalExpression.addInterval(compile(args.get(0)), interval);
            }
            case ADD_DAYS -> TemporalExpression.addDays(compile(args.get(0)), compile(args.get(1)));
            case DATE_DIFF_DAYS -> TemporalExpression.dateDiff(compile(args.get(0)), compile(args.get(1)));
        };
    }

    private static VectorExpression compileIn(List<Expr> args) {
        boolean constantList = true;
        List<Object> constants = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            if (args.get(i) instanceof Literal literal) {
                constants.add(literal.value());
            } else {
                constantList = false;
            }
        }
        if (constantList) {
            return new InListExpression(compile(args.get(0)), constants);
        }
        // A list with non-constant elements is a chain of equalities (three-valued OR gives IN's NULL rules).
        List<Expr> equalities = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            equalities.add(Functions.call(Function.EQUAL, args.get(0), args.get(i)));
        }
        return compile(Exprs.or(equalities));
    }

    private static List<VectorExpression> compileAll(List<Expr> args) {
        return args.stream().map(ExpressionCompiler::compile).toList();
    }

    private static String constantString(Expr expr) {
        return expr instanceof Literal literal && literal.value() != null ? literal.value().toString() : null;
    }

    private static Interval constantInterval(Expr expr) {
        if (expr instanceof Literal literal) {
            return (Interval) literal.value();
        }
        if (expr instanceof Call call && call.function() == Function.NEGATE && call.args().get(0) instanceof Literal literal) {
            return literal.value() == null ? null : ((Interval) literal.value()).negate();
        }
        throw new IllegalStateException("interval must be constant: " + expr);
    }

    private static Object zero(DataType type) {
        return switch (type.id()) {
            case INTEGER -> 0;
            case BIGINT -> 0L;
            case DOUBLE -> 0.0;
            case DECIMAL -> BigDecimal.ZERO.setScale(type.scale());
            default -> throw new IllegalArgumentException("cannot negate " + type);
        };
    }
}
