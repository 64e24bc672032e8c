package dev.spillway.expr;

import static dev.spillway.expr.TypeCoercion.asDecimal;
import static dev.spillway.expr.TypeCoercion.comparisonType;
import static dev.spillway.expr.TypeCoercion.unionType;

import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import dev.spillway.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Binds function calls: checks arity and argument types, inserts implicit casts and computes the
 * result type with DuckDB's rules (integer {@code /} gives DOUBLE, decimal precision arithmetic,
 * {@code date + interval} gives TIMESTAMP, ...). Every front end builds calls through here, so SQL and
 * the DataFrame API type expressions identically.
 */
public final class Functions {
    private static final Set<String> EXTRACT_FIELDS = Set.of(
            "year", "month", "day", "hour", "minute", "second", "millisecond", "microsecond", "quarter",
            "dow", "dayofweek", "isodow", "doy", "dayofyear", "week", "epoch", "decade", "century", "millennium");
    private static final Set<String> TRUNC_UNITS = Set.of(
            "millennium", "century", "decade", "year", "quarter", "month", "week", "day", "hour", "minute", "second");

    private Functions() {}

    public static Expr call(Function function, Expr... args) {
        return call(function, List.of(args));
    }

    public static Expr call(Function function, List<Expr> args) {
        return switch (function) {
            case ADD, SUBTRACT -> additive(function, args);
            case MULTIPLY -> multiply(args);
            case DIVIDE -> {
                arity(function, args, 2);
                requireNumeric(function, args);
                yield new Call(function, List.of(cast(args.get(0), DataType.DOUBLE), cast(args.get(1), DataType.DOUBLE)), DataType.DOUBLE);
            }
            case INTEGER_DIVIDE -> integerDivide(args);
            case MODULO -> modulo(args);
            case NEGATE -> {
                arity(function, args, 1);
                Expr arg = args.get(0);
                if (arg.type().id() != TypeId.INTERVAL) {
                    requireNumeric(function, args);
                }
                yield new Call(function, List.of(arg), arg.type().id() == TypeId.NULL ? DataType.INTEGER : arg.type());
            }
            case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
                    IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> {
                arity(function, args, 2);
                DataType common = comparisonType(args.get(0).type(), args.get(1).type());
                if (common.id() == TypeId.NULL) {
                    common = DataType.INTEGER;
                }
                yield new Call(function, List.of(cast(args.get(0), common), cast(args.get(1), common)), DataType.BOOLEAN);
            }
            case AND, OR -> {
                if (args.size() < 2) {
                    throw SpillwayException.userError("%s needs at least two arguments", function);
                }
                List<Expr> bools = new ArrayList<>();
                for (Expr arg : args) {
                    bools.add(requireBoolean(function, arg));
                }
                // Nest into a left-deep binary tree: kernels are binary.
                Expr result = bools.get(0);
                for (int i = 1; i < bools.size(); i++) {
                    result = new Call(function, List.of(result, bools.get(i)), DataType.BOOLEAN);
                }
                yield result;
            }
            case NOT -> {
                arity(function, args, 1);
                yield new Call(function, List.of(requireBoolean(function, args.get(0))), DataType.BOOLEAN);
            }
            case IS_NULL, IS_NOT_NULL -> {
                arity(function, args, 1);
                yield new Call(function, args, DataType.BOOLEAN);
            }
            case COALESCE -> {
                if (args.isEmpty()) {
                    throw SpillwayException.userError("coalesce needs at least one argument");
                }
                DataType type = DataType.NULL;
                for (Expr arg : args) {
                    type = unionType(type, arg.type());
                }
                yield new Call(function, castAll(args, type), type);
            }
            case CASE -> caseWhen(args);
            case IN -> in(args);
            case LIKE, ILIKE -> {
                if (args.size() != 2 && args.size() != 3) {
                    throw SpillwayException.userError("%s takes a value, a pattern and an optional escape character", function);
                }
                yield new Call(function, castAll(args, DataType.VARCHAR), DataType.BOOLEAN);
            }
            case LOWER, UPPER, TRIM, LTRIM, RTRIM -> {
                arity(function, args, 1);
                yield new Call(function, castAll(args, DataType.VARCHAR), DataType.VARCHAR);
            }
            case LENGTH -> {
                arity(function, args, 1);
                yield new Call(function, castAll(args, DataType.VARCHAR), DataType.BIGINT);
            }
            case SUBSTRING -> {
                if (args.size() != 2 && args.size() != 3) {
                    throw SpillwayException.userError("substring takes a string, a start position and an optional length");
                }
                List<Expr> bound = new ArrayList<>();
                bound.add(cast(args.get(0), DataType.VARCHAR));
                for (int i = 1; i < args.size(); i++) {
                    bound.add(requireIntegral(function, args.get(i), DataType.BIGINT));
                }
                yield new Call(function, bound, DataType.VARCHAR);
            }
            case CONCAT, CONCAT_OPERATOR -> {
                if (args.isEmpty()) {
                    throw SpillwayException.userError("%s needs at least one argument", function.sqlName());
                }
                yield new Call(function, castAll(args, DataType.VARCHAR), DataType.VARCHAR);
            }
            case STARTS_WITH, CONTAINS -> {
                arity(function, args, 2);
                yield new Call(function, castAll(args, DataType.VARCHAR), DataType.BOOLEAN);
            }
            case REPLACE -> {
                arity(function, args, 3);
                yield new Call(function, castAll(args, DataType.VARCHAR), DataType.VARCHAR);
            }
            case EXTRACT -> {
                arity(function, args, 2);
                String field = constantName(function, args.get(0), EXTRACT_FIELDS);
                Expr value = requireTemporal(function, args.get(1));
                yield new Call(function, List.of(Literal.of(field), value), field.equals("epoch") ? DataType.DOUBLE : DataType.BIGINT);
            }
            case DATE_TRUNC -> {
                arity(function, args, 2);
                String unit = constantName(function, args.get(0), TRUNC_UNITS);
                yield new Call(function, List.of(Literal.of(unit), requireTemporal(function, args.get(1))), DataType.TIMESTAMP);
            }
            case ADD_INTERVAL -> {
                arity(function, args, 2);
                if (args.get(1).type().id() != TypeId.INTERVAL) {
                    throw SpillwayException.userError("cannot add %s to %s", args.get(1).type(), args.get(0).type());
                }
                yield new Call(function, List.of(cast(requireTemporal(function, args.get(0)), DataType.TIMESTAMP), args.get(1)), DataType.TIMESTAMP);
            }
            case ADD_DAYS -> {
                arity(function, args, 2);
                yield new Call(function, List.of(cast(args.get(0), DataType.DATE), requireIntegral(function, args.get(1), DataType.INTEGER)), DataType.DATE);
            }
            case DATE_DIFF_DAYS -> {
                arity(function, args, 2);
                yield new Call(function, castAll(args, DataType.DATE), DataType.BIGINT);
            }
            case ABS -> {
                arity(function, args, 1);
                requireNumeric(function, args);
                Expr arg = nullAsInteger(args.get(0));
                yield new Call(function, List.of(arg), arg.type());
            }
            case SIGN -> {
                arity(function, args, 1);
                requireNumeric(function, args);
                yield new Call(function, List.of(nullAsInteger(args.get(0))), DataType.INTEGER);
            }
            case ROUND -> round(args);
            case FLOOR, CEIL -> {
                arity(function, args, 1);
                requireNumeric(function, args);
                Expr arg = nullAsInteger(args.get(0));
                DataType type = arg.type().isDecimal() ? DataType.decimal(arg.type().precision(), 0) : arg.type();
                yield new Call(function, List.of(arg), type);
            }
            case SQRT, LN, EXP -> {
                arity(function, args, 1);
                requireNumeric(function, args);
                yield new Call(function, castAll(args, DataType.DOUBLE), DataType.DOUBLE);
            }
            case POWER -> {
                arity(function, args, 2);
                requireNumeric(function, args);
                yield new Call(function, castAll(args, DataType.DOUBLE), DataType.DOUBLE);
            }
        };
    }

    /** A cast, or the expression itself when it already has the type. Casting a constant folds it later. */
    public static Expr cast(Expr expr, DataType type) {
        if (expr.type().equals(type)) {
            return expr;
        }
        if (!TypeCoercion.canCast(expr.type(), type)) {
            throw SpillwayException.userError("cannot cast %s of type %s to %s", expr, expr.type(), type);
        }
        if (expr instanceof Literal literal && literal.isNull()) {
            return Literal.nullOf(type);
        }
        return new Cast(expr, type);
    }

    private static List<Expr> castAll(List<Expr> args, DataType type) {
        return args.stream().map(arg -> cast(arg, type)).toList();
    }

    private static void arity(Function function, List<Expr> args, int expected) {
        if (args.size() != expected) {
            throw SpillwayException.userError("%s takes %d argument%s, got %d", function.sqlName(), expected, expected == 1 ? "" : "s", args.size());
        }
    }

    private static void requireNumeric(Function function, List<Expr> args) {
        for (Expr arg : args) {
            if (!arg.type().isNumeric() && arg.type().id() != TypeId.NULL) {
                throw SpillwayException.userError("%s does not accept %s (argument %s)", describe(function), arg.type(), arg);
            }
        }
    }

    private static String describe(Function function) {
        return function.symbol() != null ? "operator " + function.symbol() : function.sqlName();
    }

    private static Expr requireBoolean(Function function, Expr arg) {
        if (arg.type().id() == TypeId.NULL) {
            return Literal.nullOf(DataType.BOOLEAN);
        }
        if (arg.type().id() != TypeId.BOOLEAN) {
            throw SpillwayException.userError("%s needs BOOLEAN arguments, got %s of type %s", function, arg, arg.type());
        }
        return arg;
    }

    private static Expr requireIntegral(Function function, Expr arg, DataType target) {
        if (arg.type().id() == TypeId.NULL) {
            return Literal.nullOf(target);
        }
        if (!arg.type().isIntegral()) {
            throw SpillwayException.userError("%s needs an integer argument, got %s of type %s", function.sqlName(), arg, arg.type());
        }
        return cast(arg, target);
    }

    private static Expr requireTemporal(Function function, Expr arg) {
        if (arg.type().id() == TypeId.VARCHAR && arg instanceof Literal) {
            return cast(arg, DataType.TIMESTAMP);
        }
        if (!arg.type().isTemporal()) {
            throw SpillwayException.userError("%s needs a DATE or TIMESTAMP, got %s of type %s", function.sqlName(), arg, arg.type());
        }
        return arg;
    }

    private static String constantName(Function function, Expr arg, Set<String> allowed) {
        if (!(arg instanceof Literal literal) || literal.value() == null || literal.type().id() != TypeId.VARCHAR) {
            throw SpillwayException.userError("the first argument of %s must be a constant string", function.sqlName());
        }
        String name = literal.value().toString().toLowerCase(Locale.ROOT);
        name = switch (name) {
            case "years", "y", "yr", "yrs" -> "year";
            case "months", "mon", "mons" -> "month";
            case "days", "d" -> "day";
            case "hours", "h", "hr", "hrs" -> "hour";
            case "minutes", "min", "mins", "m" -> "minute";
            case "seconds", "sec", "secs", "s" -> "second";
            case "weeks", "w" -> "week";
            case "quarters" -> "quarter";
            case "weekday" -> "dow";
            default -> name;
        };
        if (!allowed.contains(name)) {
            throw SpillwayException.userError("%s does not know the unit '%s' (known: %s)", function.sqlName(), literal.value(), String.join(", ", allowed.stream().sorted().toList()));
        }
        return name;
    }

    private static Expr nullAsInteger(Expr arg) {
        return arg.type().id() == TypeId.NULL ? Literal.nullOf(DataType.INTEGER) : arg;
    }

    private static Expr additive(Function function, List<Expr> args) {
        arity(function, args, 2);
        Expr left = args.get(0);
        Expr right = args.get(1);
        TypeId l = left.type().id();
        TypeId r = right.type().id();
        // Date and interval arithmetic.
        if (r == TypeId.INTERVAL && (left.type().isTemporal() || l == TypeId.VARCHAR && left instanceof Literal)) {
            Expr interval = function == Function.SUBTRACT ? new Call(Function.NEGATE, List.of(right), right.type()) : right;
            return call(Function.ADD_INTERVAL, left, interval);
        }
        if (l == TypeId.INTERVAL && function == Function.ADD && right.type().isTemporal()) {
            return call(Function.ADD_INTERVAL, right, left);
        }
        if (l == TypeId.DATE && right.type().isIntegral()) {
            Expr days = function == Function.SUBTRACT ? call(Function.NEGATE, right) : right;
            return call(Function.ADD_DAYS, left, days);
        }
        if (r == TypeId.DATE && left.type().isIntegral() && function == Function.ADD) {
            return call(Function.ADD_DAYS, right, left);
        }
        if (l == TypeId.DATE && r == TypeId.DATE && function == Function.SUBTRACT) {
            return call(Function.DATE_DIFF_DAYS, left, right);
        }
        requireNumeric(function, args);
        DataType common = TypeCoercion.commonTypeOrNull(nullAsInteger(left).type(), nullAsInteger(right).type());
        if (common == null) {
            throw SpillwayException.userError("%s is not defined for %s and %s", describe(function), left.type(), right.type());
        }
        if (!common.isDecimal()) {
            return new Call(function, List.of(cast(left, common), cast(right, common)), common);
        }
        // Decimals: rescale both sides to the common scale, keeping their own integer digits.
        int scale = common.scale();
        int integerDigits = common.precision() - scale;
        DataType result = DataType.decimal(Math.min(integerDigits + 1 + scale, DataType.MAX_DECIMAL_PRECISION), scale);
        return new Call(function, List.of(rescaled(left, scale), rescaled(right, scale)), result);
    }

    private static Expr rescaled(Expr arg, int scale) {
        DataType type = arg.type().id() == TypeId.NULL ? DataType.decimal(1, 0) : asDecimal(arg.type());
        int precision = Math.min(type.precision() - type.scale() + scale, DataType.MAX_DECIMAL_PRECISION);
        return cast(arg, DataType.decimal(precision, scale));
    }

    private static Expr multiply(List<Expr> args) {
        arity(Function.MULTIPLY, args, 2);
        requireNumeric(Function.MULTIPLY, args);
        Expr left = nullAsInteger(args.get(0));
        Expr right = nullAsInteger(args.get(1));
        DataType common = TypeCoercion.commonTypeOrNull(left.type(), right.type());
        if (!common.isDecimal()) {
            return new Call(Function.MULTIPLY, List.of(cast(left, common), cast(right, common)), common);
        }
        DataType a = asDecimal(left.type());
        DataType b = asDecimal(right.type());
        int scale = a.scale() + b.scale();
        if (scale > DataType.MAX_DECIMAL_PRECISION) {
            throw SpillwayException.userError("the product of %s and %s needs more than 38 decimal places", a, b);
        }
        int precision = a.precision() + b.precision();
        if (precision > DataType.MAX_LONG_DECIMAL_PRECISION && a.isLongDecimal() && b.isLongDecimal()) {
            // As DuckDB: keep 64-bit arithmetic and check for overflow at run time.
            precision = DataType.MAX_LONG_DECIMAL_PRECISION;
        }
        precision = Math.max(Math.min(precision, DataType.MAX_DECIMAL_PRECISION), scale);
        return new Call(Function.MULTIPLY, List.of(cast(left, a), cast(right, b)), DataType.decimal(precision, scale));
    }

    private static Expr integerDivide(List<Expr> args) {
        arity(Function.INTEGER_DIVIDE, args, 2);
        requireNumeric(Function.INTEGER_DIVIDE, args);
        DataType common = TypeCoercion.commonTypeOrNull(nullAsInteger(args.get(0)).type(), nullAsInteger(args.get(1)).type());
        if (!common.isIntegral()) {
            common = DataType.DOUBLE;
        }
        return new Call(Function.INTEGER_DIVIDE, castAll(args, common), common);
    }

    private static Expr modulo(List<Expr> args) {
        arity(Function.MODULO, args, 2);
        requireNumeric(Function.MODULO, args);
        DataType common = TypeCoercion.commonTypeOrNull(nullAsInteger(args.get(0)).type(), nullAsInteger(args.get(1)).type());
        return new Call(Function.MODULO, castAll(args, common), common);
    }

    private static Expr caseWhen(List<Expr> args) {
        if (args.size() < 3 || args.size() % 2 == 0) {
            throw SpillwayException.userError("CASE needs WHEN/THEN pairs and an ELSE value");
        }
        DataType type = DataType.NULL;
        for (int i = 1; i < args.size(); i += 2) {
            type = unionType(type, args.get(i).type());
        }
        type = unionType(type, args.get(args.size() - 1).type());
        if (type.id() == TypeId.NULL) {
            type = DataType.INTEGER;
        }
        List<Expr> bound = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            bound.add(requireBoolean(Function.CASE, args.get(i)));
            bound.add(cast(args.get(i + 1), type));
        }
        bound.add(cast(args.get(args.size() - 1), type));
        return new Call(Function.CASE, bound, type);
    }

    private static Expr in(List<Expr> args) {
        if (args.size() < 2) {
            throw SpillwayException.userError("IN needs a value and at least one list element");
        }
        DataType type = args.get(0).type();
        for (int i = 1; i < args.size(); i++) {
            type = comparisonType(type, args.get(i).type());
        }
        if (type.id() == TypeId.NULL) {
            type = DataType.INTEGER;
        }
        return new Call(Function.IN, castAll(args, type), DataType.BOOLEAN);
    }

    private static Expr round(List<Expr> args) {
        if (args.size() != 1 && args.size() != 2) {
            throw SpillwayException.userError("round takes a number and an optional number of decimal places");
        }
        requireNumeric(Function.ROUND, args.subList(0, 1));
        Expr value = nullAsInteger(args.get(0));
        Expr digits = args.size() == 2 ? requireIntegral(Function.ROUND, args.get(1), DataType.INTEGER) : Literal.of(0);
        DataType type = value.type();
        if (type.isDecimal()) {
            if (!(digits instanceof Literal literal) || literal.value() == null) {
                // DuckDB also falls back to a non-constant precision by keeping the input scale.
                return new Call(Function.ROUND, List.of(value, digits), type);
            }
            int places = (Integer) literal.value();
            int scale = Math.max(0, Math.min(type.scale(), places));
            return new Call(Function.ROUND, List.of(value, digits), DataType.decimal(type.precision(), scale));
        }
        return new Call(Function.ROUND, List.of(value, digits), type);
    }
}
