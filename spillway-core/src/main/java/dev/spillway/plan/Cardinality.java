package dev.spillway.plan;

import dev.spillway.expr.Call;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;

/**
 * Rough row-count estimates for join ordering and build-side choice. Sources report their sizes;
 * predicates get textbook selectivities (equality 10%, range 30%, ...). Only relative sizes matter.
 */
public final class Cardinality {
    private static final double UNKNOWN_ROWS = 1_000_000;

    private Cardinality() {}

    public static double rows(LogicalPlan plan) {
        return switch (plan) {
            case Scan scan -> baseRows(scan) * scanSelectivity(scan);
            case Values values -> values.rows().size();
            case Project project -> rows(project.input());
            case Filter filter -> rows(filter.input()) * selectivity(filter.condition(), filter.input());
            case Aggregate aggregate -> aggregate.keys().isEmpty() ? 1 : Math.max(1, rows(aggregate.input()) * 0.25);
            case Join join -> joinRows(join);
            case Sort sort -> rows(sort.input());
            case Limit limit -> limit.hasLimit() ? Math.min(rows(limit.input()), limit.limit()) : rows(limit.input());
            case UnionAll union -> union.inputs().stream().mapToDouble(Cardinality::rows).sum();
        };
    }

    /** Rows of the plan's largest base table before filters: tells a fact table from a filtered dimension. */
    public static double baseRows(LogicalPlan plan) {
        return switch (plan) {
            case Scan scan -> scan.source().estimatedRows() >= 0 ? scan.source().estimatedRows() : UNKNOWN_ROWS;
            case Values values -> values.rows().size();
            case Join join -> Math.max(baseRows(join.left()), baseRows(join.right()));
            case Aggregate aggregate -> rows(aggregate);
            default -> plan.inputs().stream().mapToDouble(Cardinality::baseRows).max().orElse(1);
        };
    }

    private static double joinRows(Join join) {
        double left = rows(join.left());
        double right = rows(join.right());
        double conditionSelectivity = selectivity(join.condition());
        return switch (join.type()) {
            case SEMI, ANTI -> left * 0.5;
            case LEFT -> Math.max(left, equiJoinRows(join, left, right, conditionSelectivity));
            case RIGHT -> Math.max(right, equiJoinRows(join, left, right, conditionSelectivity));
            case FULL -> Math.max(left + right, equiJoinRows(join, left, right, conditionSelectivity));
            case INNER -> equiJoinRows(join, left, right, conditionSelectivity);
        };
    }

    /**
     * Equi-joins: |L| * |R| / max(ndv(l), ndv(r)) for the most selective key pair (System R's estimate);
     * a key whose distinct count is unknown is taken as unique, i.e. a foreign-key join.
     */
    private static double equiJoinRows(Join join, double left, double right, double conditionSelectivity) {
        if (Exprs.isTrue(join.condition())) {
            return left * right;
        }
        int leftWidth = join.left().schema().size();
        double denominator = 0;
        double residual = 1;
        for (Expr conjunct : Exprs.conjuncts(join.condition())) {
            if (conjunct instanceof Call call && call.function() == dev.spillway.expr.Function.EQUAL
                    && call.args().get(0) instanceof dev.spillway.expr.ColumnRef a && call.args().get(1) instanceof dev.spillway.expr.ColumnRef b
                    && (a.index() < leftWidth) != (b.index() < leftWidth)) {
                int l = Math.min(a.index(), b.index());
                int r = Math.max(a.index(), b.index()) - leftWidth;
                denominator = Math.max(denominator, Math.max(distinct(join.left(), l), distinct(join.right(), r)));
            } else {
                residual *= selectivity(conjunct);
            }
        }
        if (denominator == 0) {
            return left * right * conditionSelectivity;
        }
        return Math.max(1, left * right / denominator * residual);
    }

    /** Estimated distinct non-NULL values of an output column (at most the plan's rows). */
    public static double distinct(LogicalPlan plan, int column) {
        double rows = Math.max(1, rows(plan));
        double estimate = switch (plan) {
            case Scan scan -> scan.source().distinctValues(scan.projection().get(column)).orElse(Long.MAX_VALUE);
            case Project project -> project.exprs().get(column) instanceof dev.spillway.expr.ColumnRef ref
                    ? distinct(project.input(), ref.index()) : rows;
            case Filter filter -> distinct(filter.input(), column);
            case Join join -> {
                int leftWidth = join.left().schema().size();
                yield column < leftWidth ? distinct(join.left(), column) : distinct(join.right(), column - leftWidth);
            }
            case Aggregate aggregate -> column < aggregate.keys().size()
                    && aggregate.keys().get(column) instanceof dev.spillway.expr.ColumnRef ref ? distinct(aggregate.input(), ref.index()) : rows;
            case Sort sort -> distinct(sort.input(), column);
            case Limit limit -> distinct(limit.input(), column);
            case UnionAll union -> rows;
            case Values values -> rows;
        };
        return Math.max(1, Math.min(rows, estimate));
    }

    /** The scan's skip filters are over the source's columns, whose distinct counts the source may know. */
    private static double scanSelectivity(Scan scan) {
        double result = 1;
        for (Expr filter : scan.filters()) {
            result *= selectivity(filter, column -> known(scan.source().distinctValues(column)));
        }
        return result;
    }

    private static java.util.OptionalDouble known(java.util.OptionalLong value) {
        return value.isPresent() ? java.util.OptionalDouble.of(Math.max(1, value.getAsLong())) : java.util.OptionalDouble.empty();
    }

    /** Selectivity of a predicate over {@code input}'s columns, using their distinct counts where known. */
    public static double selectivity(Expr predicate, LogicalPlan input) {
        return selectivity(predicate, column -> knownDistinct(input, column));
    }

    /** Distinct values of an input column when some source knows them (not a guess from row counts). */
    private static java.util.OptionalDouble knownDistinct(LogicalPlan plan, int column) {
        return switch (plan) {
            case Scan scan -> known(scan.source().distinctValues(scan.projection().get(column)));
            case Project project -> project.exprs().get(column) instanceof dev.spillway.expr.ColumnRef ref
                    ? knownDistinct(project.input(), ref.index()) : java.util.OptionalDouble.empty();
            case Filter filter -> knownDistinct(filter.input(), column);
            case Sort sort -> knownDistinct(sort.input(), column);
            case Limit limit -> knownDistinct(limit.input(), column);
            case Join join -> {
                int leftWidth = join.left().schema().size();
                yield column < leftWidth ? knownDistinct(join.left(), column)
                        : join.type().outputsRight() ? knownDistinct(join.right(), column - leftWidth) : java.util.OptionalDouble.empty();
            }
            default -> java.util.OptionalDouble.empty();
        };
    }

    private static double selectivity(Expr predicate, java.util.function.IntFunction<java.util.OptionalDouble> distinct) {
        if (predicate instanceof Call call && call.args().size() >= 2
                && call.args().get(0) instanceof dev.spillway.expr.ColumnRef column
                && call.args().subList(1, call.args().size()).stream().allMatch(a -> a instanceof dev.spillway.expr.Literal)) {
            java.util.OptionalDouble ndv = distinct.apply(column.index());
            if (ndv.isPresent() && call.function() == dev.spillway.expr.Function.EQUAL) {
                return 1 / ndv.getAsDouble();
            }
            if (ndv.isPresent() && call.function() == dev.spillway.expr.Function.IN) {
                return Math.min(1, (call.args().size() - 1) / ndv.getAsDouble());
            }
        }
        if (predicate instanceof Call call && (call.function() == dev.spillway.expr.Function.AND || call.function() == dev.spillway.expr.Function.OR)) {
            double a = selectivity(call.args().get(0), distinct);
            double b = selectivity(call.args().get(1), distinct);
            return call.function() == dev.spillway.expr.Function.AND ? a * b : 1 - (1 - a) * (1 - b);
        }
        return selectivity(predicate);
    }

    public static double selectivity(java.util.List<Expr> conjuncts) {
        double result = 1;
        for (Expr conjunct : conjuncts) {
            result *= selectivity(conjunct);
        }
        return result;
    }

    public static double selectivity(Expr predicate) {
        if (Exprs.isTrue(predicate)) {
            return 1;
        }
        if (!(predicate instanceof Call call)) {
            return 0.5;
        }
        return switch (call.function()) {
            case AND -> selectivity(call.args().get(0)) * selectivity(call.args().get(1));
            case OR -> 1 - (1 - selectivity(call.args().get(0))) * (1 - selectivity(call.args().get(1)));
            case NOT -> 1 - selectivity(call.args().get(0));
            case EQUAL, IS_NOT_DISTINCT_FROM -> 0.1;
            case NOT_EQUAL, IS_DISTINCT_FROM -> 0.9;
            case LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> 0.33;
            case IN -> Math.min(0.5, 0.1 * (call.args().size() - 1));
            case LIKE, ILIKE -> 0.1;
            case IS_NULL -> 0.05;
            case IS_NOT_NULL -> 0.95;
            default -> 0.5;
        };
    }
}
