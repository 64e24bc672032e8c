package dev.spillway.io.parquet;

import dev.spillway.expr.Call;
import dev.spillway.expr.Cast;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Function;
import dev.spillway.expr.Literal;
import dev.spillway.types.DataType;
import dev.spillway.types.TypeId;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Decides from column statistics whether a row group might contain a row for which a filter is TRUE.
 *
 * <p>Algorithm: a conservative three-valued analysis. {@link #mightMatch} returns false only when the
 * statistics prove the predicate is FALSE or NULL on every row. Comparisons {@code column op constant}
 * (either order) use min/max; the column side may be wrapped in casts that preserve order (integer
 * widening, decimal rescaling, exact numbers to DOUBLE, DATE to TIMESTAMP) and the constant side in casts
 * {@link ConstantValues} can evaluate exactly. AND, OR, NOT (pushed down by De Morgan), IN lists,
 * IS [NOT] NULL and IS [NOT] DISTINCT FROM are understood; anything else might match. A comparison with
 * NULL is never TRUE, so it matches nothing. For DOUBLE columns, whose statistics leave out NaN (greater
 * than every number in DuckDB's order), {@code >}, {@code >=} and {@code <>} never skip.
 */
final class StatisticsFilter {
    private final IntFunction<ColumnBounds> bounds;

    /** @param bounds statistics of a source column by index (null for a column it does not know) */
    StatisticsFilter(IntFunction<ColumnBounds> bounds) {
        this.bounds = bounds;
    }

    boolean mightMatch(Expr predicate) {
        return switch (predicate) {
            case Literal literal -> !(literal.type().id() == TypeId.BOOLEAN || literal.isNull()) || Boolean.TRUE.equals(literal.value());
            case ColumnRef ref -> booleanColumnMightBe(ref, true);
            case Cast cast -> true;
            case Call call -> callMightMatch(call);
        };
    }

    private boolean callMightMatch(Call call) {
        List<Expr> args = call.args();
        return switch (call.function()) {
            case AND -> args.stream().allMatch(this::mightMatch);
            case OR -> args.stream().anyMatch(this::mightMatch);
            case NOT -> negationMightMatch(args.get(0));
            case IS_NULL -> nullTestMightMatch(args.get(0), true);
            case IS_NOT_NULL -> nullTestMightMatch(args.get(0), false);
            case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
                    comparisonMightMatch(call.function(), args.get(0), args.get(1));
            case IS_NOT_DISTINCT_FROM -> distinctMightMatch(args.get(0), args.get(1), false);
            case IS_DISTINCT_FROM -> distinctMightMatch(args.get(0), args.get(1), true);
            case IN -> inMightMatch(args, false);
            default -> true;
        };
    }

    /** Whether {@code NOT expr} might be TRUE somewhere. */
    private boolean negationMightMatch(Expr expr) {
        if (expr instanceof Literal literal) {
            return literal.type().id() != TypeId.BOOLEAN || Boolean.FALSE.equals(literal.value());
        }
        if (expr instanceof ColumnRef ref) {
            return booleanColumnMightBe(ref, false);
        }
        if (!(expr instanceof Call call)) {
            return true;
        }
        List<Expr> args = call.args();
        return switch (call.function()) {
            case NOT -> mightMatch(args.get(0));
            case AND -> args.stream().anyMatch(this::negationMightMatch);
            case OR -> args.stream().allMatch(this::negationMightMatch);
            case IS_NULL -> nullTestMightMatch(args.get(0), false);
            case IS_NOT_NULL -> nullTestMightMatch(args.get(0), true);
            // NOT (a < b) is TRUE exactly when a >= b is TRUE: both are NULL when an operand is NULL.
            case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
                    comparisonMightMatch(call.function().negateComparison(), args.get(0), args.get(1));
            case IS_NOT_DISTINCT_FROM -> distinctMightMatch(args.get(0), args.get(1), true);
            case IS_DISTINCT_FROM -> distinctMightMatch(args.get(0), args.get(1), false);
            case IN -> inMightMatch(args, true);
            default -> true;
        };
    }

    private boolean booleanColumnMightBe(ColumnRef ref, boolean value) {
        ColumnBounds column = bounds.apply(ref.index());
        if (column == null || column.type().id() != TypeId.BOOLEAN) {
            return true;
        }
        if (column.allNull()) {
            return false;
        }
        if (!column.hasMinMax()) {
            return true;
        }
        return value ? (Boolean) column.max() : !(Boolean) column.min();
    }

    private boolean nullTestMightMatch(Expr operand, boolean isNull) {
        ColumnBounds column = columnBounds(operand);
        if (column == null) {
            return true;
        }
        return isNull ? !column.noNulls() : !column.allNull();
    }

    private boolean comparisonMightMatch(Function op, Expr left, Expr right) {
        if (isConstant(left) && !isConstant(right)) {
            return comparisonMightMatch(op.flip(), right, left);
        }
        ColumnBounds column = columnBounds(left);
        if (column == null || !isConstant(right)) {
            return true;
        }
        Object constant = ConstantValues.evaluate(right, column.type());
        if (constant == ConstantValues.NULL) {
            return false;
        }
        if (column.allNull()) {
            return false;
        }
        if (constant == ConstantValues.UNKNOWN || !column.hasMinMax()) {
            return true;
        }
        if (column.mayContainNaN() && (Double.isNaN((Double) constant)
                || op == Function.GREATER_THAN || op == Function.GREATER_THAN_OR_EQUAL || op == Function.NOT_EQUAL)) {
            return true;
        }
        int vsMin = ColumnBounds.compare(constant, column.min());
        int vsMax = ColumnBounds.compare(constant, column.max());
        return switch (op) {
            case EQUAL -> vsMin >= 0 && vsMax <= 0;
            case NOT_EQUAL -> !(vsMin == 0 && vsMax == 0);
            case LESS_THAN -> vsMin > 0;
            case LESS_THAN_OR_EQUAL -> vsMin >= 0;
            case GREATER_THAN -> vsMax < 0;
            case GREATER_THAN_OR_EQUAL -> vsMax <= 0;
            default -> true;
        };
    }

    /** {@code a IS DISTINCT FROM b} (or IS NOT DISTINCT FROM when {@code distinct} is false). */
    private boolean distinctMightMatch(Expr left, Expr right, boolean distinct) {
        Expr column = isConstant(left) ? right : left;
        Expr constant = isConstant(left) ? left : right;
        ColumnBounds columnBounds = columnBounds(column);
        if (columnBounds == null || !isConstant(constant)) {
            return true;
        }
        Object value = ConstantValues.evaluate(constant, columnBounds.type());
        if (value == ConstantValues.NULL) {
            return nullTestMightMatch(column, !distinct);
        }
        if (distinct) {
            // TRUE for NULLs and for values other than the constant.
            return !columnBounds.noNulls() || comparisonMightMatch(Function.NOT_EQUAL, column, constant);
        }
        return comparisonMightMatch(Function.EQUAL, column, constant);
    }

    /** {@code x IN (list)}, or {@code x NOT IN (list)} when {@code negated}. */
    private boolean inMightMatch(List<Expr> args, boolean negated) {
        Expr value = args.get(0);
        List<Expr> list = args.subList(1, args.size());
        if (!list.stream().allMatch(StatisticsFilter::isConstant)) {
            return true;
        }
        if (negated) {
            // NOT IN is TRUE only when the value differs from every element; a NULL element makes it never TRUE.
            for (Expr element : list) {
                if (element instanceof Literal literal && literal.isNull()) {
                    return false;
                }
            }
            return list.stream().allMatch(element -> comparisonMightMatch(Function.NOT_EQUAL, value, element));
        }
        return list.stream().anyMatch(element -> comparisonMightMatch(Function.EQUAL, value, element));
    }

    private static boolean isConstant(Expr expr) {
        return switch (expr) {
            case Literal literal -> true;
            case Cast cast -> isConstant(cast.input());
            default -> false;
        };
    }

    /**
     * Bounds of a column, or of an order-preserving cast of a column, in the domain of the expression's type;
     * null when the expression is not of that form.
     */
    private ColumnBounds columnBounds(Expr expr) {
        return switch (expr) {
            case ColumnRef ref -> {
                ColumnBounds column = bounds.apply(ref.index());
                // A reference typed differently from the file's column is not ours to judge.
                yield column != null && column.type().equals(ref.type()) ? column : null;
            }
            case Cast cast -> {
                ColumnBounds inner = columnBounds(cast.input());
                yield inner == null ? null : castBounds(inner, cast.type());
            }
            default -> null;
        };
    }

    private static ColumnBounds castBounds(ColumnBounds inner, DataType target) {
        DataType source = inner.type();
        if (!preservesOrder(source, target)) {
            return null;
        }
        if (!inner.hasMinMax()) {
            return inner.withValues(target, null, null, false);
        }
        Object min = ConstantValues.convert(inner.min(), source, target);
        Object max = ConstantValues.convert(inner.max(), source, target);
        if (min == ConstantValues.UNKNOWN || max == ConstantValues.UNKNOWN) {
            return inner.withValues(target, null, null, false);
        }
        return inner.withValues(target, min, max, inner.mayContainNaN() && target.id() == TypeId.DOUBLE);
    }

    /** Casts under which {@code a <= b} implies {@code cast(a) <= cast(b)}, so bounds stay bounds. */
    private static boolean preservesOrder(DataType source, DataType target) {
        if (source.equals(target)) {
            return true;
        }
        return switch (source.id()) {
            case INTEGER, BIGINT -> target.id() == TypeId.BIGINT || target.isDecimal() || target.id() == TypeId.DOUBLE;
            case DECIMAL -> target.isDecimal() || target.id() == TypeId.DOUBLE;
            case DATE -> target.id() == TypeId.TIMESTAMP;
            default -> false;
        };
    }
}
