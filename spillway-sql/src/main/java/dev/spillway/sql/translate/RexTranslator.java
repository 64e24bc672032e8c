package dev.spillway.sql.translate;

import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Function;
import dev.spillway.expr.Functions;
import dev.spillway.expr.Literal;
import dev.spillway.sql.calcite.TypeDisguise;
import dev.spillway.sql.calcite.ImplicitCast;
import dev.spillway.sql.calcite.SpillwayFunction;
import dev.spillway.sql.calcite.SqlPositionedException;
import dev.spillway.sql.calcite.TypeConversions;
import dev.spillway.types.DataType;
import dev.spillway.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Translates a Calcite expression into a Spillway expression, rebuilding every call through
 * {@link Functions} so that types follow DuckDB rather than Calcite. Casts Calcite added on its own
 * ({@link ImplicitCast}) are dropped; casts the user wrote are kept. Errors name the position of the call.
 */
final class RexTranslator {
    private final RexBuilder rexBuilder;
    private final RexScope scope;

    private RexTranslator(RexBuilder rexBuilder, RexScope scope) {
        this.rexBuilder = rexBuilder;
        this.scope = scope;
    }

    static Expr translate(RexNode node, RexScope scope, RexBuilder rexBuilder) {
        return new RexTranslator(rexBuilder, scope).expr(node);
    }

    static List<Expr> translate(List<RexNode> nodes, RexScope scope, RexBuilder rexBuilder) {
        RexTranslator translator = new RexTranslator(rexBuilder, scope);
        List<Expr> exprs = new ArrayList<>(nodes.size());
        for (RexNode node : nodes) {
            exprs.add(translator.expr(node));
        }
        return exprs;
    }

    private Expr expr(RexNode node) {
        return switch (node) {
            case RexInputRef ref -> scope.inputs().get(ref.getIndex());
            case RexLiteral literal -> LiteralTranslator.translate(literal);
            case RexSubQuery subQuery -> {
                Expr planned = scope.subQueries().get(subQuery);
                if (planned == null) {
                    throw SpillwayException.userError("%s sub-queries are supported only as AND-ed conditions of WHERE or HAVING",
                            describeSubQuery(subQuery));
                }
                yield planned;
            }
            case RexFieldAccess access when access.getReferenceExpr() instanceof RexCorrelVariable variable -> {
                List<Expr> outer = scope.correlated().get(variable.id);
                if (outer == null) {
                    throw SpillwayException.userError("a correlated reference to %s is not supported in this position", access.getField().getName());
                }
                yield outer.get(access.getField().getIndex());
            }
            case RexCall call -> positioned(call);
            default -> throw SpillwayException.userError("expression %s is not supported", node);
        };
    }

    static String describeSubQuery(RexSubQuery subQuery) {
        return switch (subQuery.getKind()) {
            case EXISTS -> "EXISTS";
            case IN -> "IN";
            case SCALAR_QUERY -> "scalar";
            default -> subQuery.getKind().toString();
        };
    }

    /** Translates a call, putting its position in front of errors that have none yet. */
    private Expr positioned(RexCall call) {
        if (call instanceof RexOver) {
            throw new SqlPositionedException(call.getParserPosition(), "window functions (OVER) are not supported yet");
        }
        try {
            return Constants.foldArguments(call(call));
        } catch (SpillwayException e) {
            SqlParserPos pos = call.getParserPosition();
            if (pos == null || pos.equals(SqlParserPos.ZERO)) {
                throw e;
            }
            throw new SqlPositionedException(pos, e.getMessage());
        }
    }

    private Expr call(RexCall call) {
        if (call.getOperator() == ImplicitCast.OPERATOR || call.getOperator() instanceof TypeDisguise) {
            return expr(call.getOperands().get(0));
        }
        if (call.getOperator() instanceof SpillwayFunction function) {
            return function.bind(args(call));
        }
        SqlKind kind = call.getKind();
        return switch (kind) {
            case PLUS -> Functions.call(Function.ADD, args(call.getOperands().subList(0, 2)));
            case MINUS -> Functions.call(Function.SUBTRACT, args(call.getOperands().subList(0, 2)));
            case TIMES -> Functions.call(Function.MULTIPLY, args(call));
            case DIVIDE -> Functions.call(Function.DIVIDE, args(call));
            case MOD -> Functions.call(Function.MODULO, args(call));
            case MINUS_PREFIX -> Functions.call(Function.NEGATE, args(call));
            case PLUS_PREFIX -> expr(call.getOperands().get(0));
            case EQUALS -> Functions.call(Function.EQUAL, args(call));
            case NOT_EQUALS -> Functions.call(Function.NOT_EQUAL, args(call));
            case LESS_THAN -> Functions.call(Function.LESS_THAN, args(call));
            case LESS_THAN_OR_EQUAL -> Functions.call(Function.LESS_THAN_OR_EQUAL, args(call));
            case GREATER_THAN -> Functions.call(Function.GREATER_THAN, args(call));
            case GREATER_THAN_OR_EQUAL -> Functions.call(Function.GREATER_THAN_OR_EQUAL, args(call));
            case IS_DISTINCT_FROM -> Functions.call(Function.IS_DISTINCT_FROM, args(call));
            case IS_NOT_DISTINCT_FROM -> Functions.call(Function.IS_NOT_DISTINCT_FROM, args(call));
            case AND -> Functions.call(Function.AND, args(call));
            case OR -> or(call);
            case NOT -> Functions.call(Function.NOT, args(call));
            case IS_NULL -> Functions.call(Function.IS_NULL, args(call));
            case IS_NOT_NULL -> Functions.call(Function.IS_NOT_NULL, args(call));
            case IS_TRUE -> Functions.call(Function.COALESCE, expr(call.getOperands().get(0)), Literal.of(false));
            case IS_NOT_TRUE -> Functions.call(Function.NOT, Functions.call(Function.COALESCE, expr(call.getOperands().get(0)), Literal.of(false)));
            case IS_FALSE -> Functions.call(Function.NOT, Functions.call(Function.COALESCE, expr(call.getOperands().get(0)), Literal.of(true)));
            case IS_NOT_FALSE -> Functions.call(Function.COALESCE, expr(call.getOperands().get(0)), Literal.of(true));
            case CASE -> caseWhen(call);
            case COALESCE -> Functions.call(Function.COALESCE, args(call));
            case LIKE -> like(call);
            case SEARCH -> expr(RexUtil.expandSearch(rexBuilder, null, call));
            case CAST -> cast(call);
            case EXTRACT -> Functions.call(Function.EXTRACT, Literal.of(timeUnit(call.getOperands().get(0))), expr(call.getOperands().get(1)));
            case FLOOR, CEIL -> floorCeil(call);
            case TRIM -> trim(call);
            case LTRIM -> Functions.call(Function.LTRIM, args(call));
            case RTRIM -> Functions.call(Function.RTRIM, args(call));
            case OTHER_FUNCTION, OTHER -> namedFunction(call);
            default -> throw unsupported(call);
        };
    }

    private List<Expr> args(RexCall call) {
        return args(call.getOperands());
    }

    private List<Expr> args(List<RexNode> operands) {
        List<Expr> args = new ArrayList<>(operands.size());
        for (RexNode operand : operands) {
            args.add(expr(operand));
        }
        return args;
    }

    private static SpillwayException unsupported(RexCall call) {
        return SpillwayException.userError("function %s is not supported", call.getOperator().getName().toLowerCase(Locale.ROOT));
    }

    private Expr namedFunction(RexCall call) {
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        Function function = switch (name) {
            case "UPPER" -> Function.UPPER;
            case "LOWER" -> Function.LOWER;
            case "ABS" -> Function.ABS;
            case "ROUND" -> Function.ROUND;
            case "SIGN" -> Function.SIGN;
            case "POWER" -> Function.POWER;
            case "SQRT" -> Function.SQRT;
            case "LN" -> Function.LN;
            case "EXP" -> Function.EXP;
            case "REPLACE" -> Function.REPLACE;
            case "CHAR_LENGTH", "CHARACTER_LENGTH", "LENGTH" -> Function.LENGTH;
            case "SUBSTRING" -> Function.SUBSTRING;
            case "||" -> Function.CONCAT_OPERATOR;
            case "CONCAT" -> Function.CONCAT;
            default -> throw unsupported(call);
        };
        return Functions.call(function, args(call));
    }

    /** {@code x = a OR x = b OR ...} over constants becomes {@code x IN (a, b, ...)}, as DuckDB plans it. */
    private Expr or(RexCall call) {
        List<RexNode> disjuncts = RexUtil.flattenOr(call.getOperands());
        RexNode tested = null;
        List<RexNode> constants = new ArrayList<>();
        for (RexNode disjunct : disjuncts) {
            if (!(disjunct instanceof RexCall equal) || equal.getKind() != SqlKind.EQUALS) {
                tested = null;
                break;
            }
            RexNode left = equal.getOperands().get(0);
            RexNode right = equal.getOperands().get(1);
            if (isConstant(left) && !isConstant(right)) {
                RexNode swap = left;
                left = right;
                right = swap;
            }
            if (!isConstant(right) || tested != null && !tested.equals(left)) {
                tested = null;
                break;
            }
            tested = left;
            constants.add(right);
        }
        if (tested != null && constants.size() > 1) {
            List<Expr> args = new ArrayList<>();
            args.add(expr(tested));
            args.addAll(args(constants));
            return Functions.call(Function.IN, args);
        }
        return Functions.call(Function.OR, args(disjuncts));
    }

    private static RexNode withoutMarker(RexNode node) {
        return node instanceof RexCall call && call.getOperator() == ImplicitCast.OPERATOR ? withoutMarker(call.getOperands().get(0)) : node;
    }

    private static boolean isConstant(RexNode node) {
        if (node instanceof RexCall call && call.getOperator() == ImplicitCast.OPERATOR) {
            return isConstant(call.getOperands().get(0));
        }
        return node instanceof RexLiteral;
    }

    /** CASE; the validator's rewrite of COALESCE ({@code CASE WHEN a IS NOT NULL THEN a ELSE b END}) is undone. */
    private Expr caseWhen(RexCall call) {
        List<RexNode> operands = call.getOperands();
        boolean coalesce = true;
        for (int i = 0; i + 1 < operands.size(); i += 2) {
            if (!(operands.get(i) instanceof RexCall test) || test.getKind() != SqlKind.IS_NOT_NULL
                    || !withoutMarker(test.getOperands().get(0)).equals(withoutMarker(operands.get(i + 1)))) {
                coalesce = false;
                break;
            }
        }
        if (coalesce) {
            List<RexNode> values = new ArrayList<>();
            for (int i = 1; i < operands.size(); i += 2) {
                values.add(operands.get(i));
            }
            RexNode otherwise = operands.get(operands.size() - 1);
            if (!(otherwise instanceof RexLiteral literal && literal.isNull())) {
                values.add(otherwise);
            }
            return Functions.call(Function.COALESCE, args(values));
        }
        return Functions.call(Function.CASE, args(call));
    }

    private Expr like(RexCall call) {
        boolean caseSensitive = !(call.getOperator() instanceof SqlLikeOperator like) || like.isCaseSensitive();
        Expr result = Functions.call(caseSensitive ? Function.LIKE : Function.ILIKE, args(call));
        boolean negated = call.getOperator() instanceof SqlLikeOperator like && like.isNegated();
        return negated ? Functions.call(Function.NOT, result) : result;
    }

    private Expr cast(RexCall call) {
        Expr input = expr(call.getOperands().get(0));
        DataType target = TypeConversions.toSpillway(call.getType());
        return Constants.fold(Functions.cast(input, target));
    }

    private static String timeUnit(RexNode flag) {
        TimeUnitRange unit = ((RexLiteral) flag).getValueAs(TimeUnitRange.class);
        if (unit == null || unit.endUnit != null) {
            throw SpillwayException.userError("date part %s is not supported", unit);
        }
        return switch (unit) {
            case YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, DOW, ISODOW, DOY, EPOCH,
                    DECADE, CENTURY, MILLENNIUM -> unit.name().toLowerCase(Locale.ROOT);
            default -> throw SpillwayException.userError("date part %s is not supported", unit);
        };
    }

    private Expr floorCeil(RexCall call) {
        if (call.getOperands().size() == 1) {
            return Functions.call(call.getKind() == SqlKind.FLOOR ? Function.FLOOR : Function.CEIL, args(call));
        }
        if (call.getKind() == SqlKind.FLOOR) {
            return Functions.call(Function.DATE_TRUNC, Literal.of(timeUnit(call.getOperands().get(1))), expr(call.getOperands().get(0)));
        }
        throw SpillwayException.userError("CEIL of a date or timestamp is not supported");
    }

    private Expr trim(RexCall call) {
        SqlTrimFunction.Flag flag = ((RexLiteral) call.getOperands().get(0)).getValueAs(SqlTrimFunction.Flag.class);
        Expr characters = expr(call.getOperands().get(1));
        if (!(characters instanceof Literal literal) || !" ".equals(literal.value())) {
            throw SpillwayException.userError("TRIM of characters other than spaces is not supported");
        }
        Function function = switch (flag) {
            case BOTH -> Function.TRIM;
            case LEADING -> Function.LTRIM;
            case TRAILING -> Function.RTRIM;
        };
        Expr value = expr(call.getOperands().get(2));
        if (value.type().id() == TypeId.NULL) {
            value = Literal.nullOf(DataType.VARCHAR);
        }
        return Functions.call(function, value);
    }
}
