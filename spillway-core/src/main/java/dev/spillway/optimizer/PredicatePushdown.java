package dev.spillway.optimizer;

import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.plan.Aggregate;
import dev.spillway.plan.Filter;
import dev.spillway.plan.Join;
import dev.spillway.plan.JoinType;
import dev.spillway.plan.Limit;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Project;
import dev.spillway.plan.Scan;
import dev.spillway.plan.Sort;
import dev.spillway.plan.UnionAll;
import dev.spillway.plan.Values;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Moves filter conjuncts as close to the data as their semantics allow: through projections (by
 * inlining), into join conditions (so comma joins with WHERE equalities become equi-joins), into the
 * side of a join they reference (only the preserved side of outer joins), below aggregations when they
 * only read grouping keys, into every UNION ALL branch, and into scans as skipping hints (the filter
 * itself stays above the scan).
 */
final class PredicatePushdown {
    private PredicatePushdown() {}

    static LogicalPlan apply(LogicalPlan plan) {
        return push(plan, List.of());
    }

    /** Returns {@code plan} with {@code predicates} (over its output columns) applied. */
    private static LogicalPlan push(LogicalPlan plan, List<Expr> predicates) {
        return switch (plan) {
            case Filter filter -> {
                List<Expr> all = new ArrayList<>(predicates);
                all.addAll(Exprs.conjuncts(filter.condition()));
                yield push(filter.input(), all);
            }
            case Project project -> {
                List<Expr> inlined = predicates.stream().map(p -> Exprs.inline(p, project.exprs())).toList();
                yield new Project(push(project.input(), inlined), project.exprs(), project.names());
            }
            case Join join -> join(join, predicates);
            case Aggregate aggregate -> aggregate(aggregate, predicates);
            case Sort sort -> new Sort(push(sort.input(), predicates), sort.keys());
            case UnionAll union -> new UnionAll(union.inputs().stream().map(input -> push(input, predicates)).toList(), union.schema());
            case Limit limit -> filter(new Limit(push(limit.input(), List.of()), limit.offset(), limit.limit()), predicates);
            case Scan scan -> filter(withSkipFilters(scan, predicates), predicates);
            case Values values -> filter(values, predicates);
        };
    }

    private static LogicalPlan filter(LogicalPlan plan, List<Expr> predicates) {
        List<Expr> remaining = predicates.stream().filter(p -> !Exprs.isTrue(p)).toList();
        return remaining.isEmpty() ? plan : new Filter(plan, Exprs.and(remaining));
    }

    /** Hands the conjuncts to the scan (mapped to source columns) so it may skip row groups or files. */
    private static Scan withSkipFilters(Scan scan, List<Expr> predicates) {
        if (predicates.isEmpty()) {
            return scan;
        }
        int[] mapping = new int[scan.projection().size()];
        for (int i = 0; i < mapping.length; i++) {
            mapping[i] = scan.projection().get(i);
        }
        List<Expr> filters = new ArrayList<>(scan.filters());
        for (Expr predicate : predicates) {
            Expr mapped = Exprs.transform(predicate, e -> e instanceof ColumnRef ref
                    ? new ColumnRef(mapping[ref.index()], ref.name(), ref.type()) : e);
            if (!filters.contains(mapped)) {
                filters.add(mapped);
            }
        }
        return new Scan(scan.source(), scan.projection(), filters);
    }

    private static LogicalPlan join(Join join, List<Expr> predicates) {
        int leftWidth = join.left().schema().size();
        List<Expr> toLeft = new ArrayList<>();
        List<Expr> toRight = new ArrayList<>();
        List<Expr> condition = new ArrayList<>();
        List<Expr> above = new ArrayList<>();
        JoinType type = join.type();
        boolean pushLeftFromAbove = type == JoinType.INNER || type == JoinType.LEFT || type == JoinType.SEMI || type == JoinType.ANTI;
        boolean pushRightFromAbove = type == JoinType.INNER || type == JoinType.RIGHT;
        for (Expr predicate : predicates) {
            Side side = side(predicate, leftWidth);
            if (side == Side.BOTH && type == JoinType.INNER) {
                impliedSideFilter(predicate, leftWidth, true).ifPresent(toLeft::add);
                impliedSideFilter(predicate, leftWidth, false).map(e -> Exprs.shift(e, -leftWidth)).ifPresent(toRight::add);
            }
            if (side == Side.LEFT && pushLeftFromAbove) {
                toLeft.add(predicate);
            } else if (side == Side.RIGHT && pushRightFromAbove) {
                toRight.add(Exprs.shift(predicate, -leftWidth));
            } else if (type == JoinType.INNER && side != Side.NONE) {
                condition.add(predicate);
            } else {
                above.add(predicate);
            }
        }
        // Conjuncts of the ON condition may move into the side that does not decide which rows are kept.
        boolean pushLeftFromCondition = type == JoinType.INNER || type == JoinType.RIGHT || type == JoinType.SEMI;
        boolean pushRightFromCondition = type == JoinType.INNER || type == JoinType.LEFT || type == JoinType.SEMI || type == JoinType.ANTI;
        for (Expr conjunct : Exprs.conjuncts(join.condition())) {
            if (Exprs.isTrue(conjunct)) {
                continue;
            }
            Side side = side(conjunct, leftWidth);
            if (side == Side.LEFT && pushLeftFromCondition) {
                toLeft.add(conjunct);
            } else if (side == Side.RIGHT && pushRightFromCondition) {
                toRight.add(Exprs.shift(conjunct, -leftWidth));
            } else {
                condition.add(conjunct);
            }
        }
        Join pushed = new Join(push(join.left(), toLeft), push(join.right(), toRight), type, Exprs.and(condition));
        return filter(pushed, above);
    }

    /**
     * For {@code (l1 AND r1) OR (l2 AND r2)} across a join, {@code l1 OR l2} holds for every surviving
     * left row and can filter that side early (the full predicate still applies at the join). Only when
     * every disjunct constrains that side.
     */
    private static java.util.Optional<Expr> impliedSideFilter(Expr predicate, int leftWidth, boolean left) {
        List<Expr> disjuncts = Exprs.disjuncts(predicate);
        if (disjuncts.size() < 2) {
            return java.util.Optional.empty();
        }
        List<Expr> implied = new ArrayList<>();
        for (Expr disjunct : disjuncts) {
            List<Expr> sideOnly = Exprs.conjuncts(disjunct).stream()
                    .filter(c -> side(c, leftWidth) == (left ? Side.LEFT : Side.RIGHT)).toList();
            if (sideOnly.isEmpty()) {
                return java.util.Optional.empty();
            }
            implied.add(Exprs.and(sideOnly));
        }
        return java.util.Optional.of(Exprs.or(implied));
    }

    private enum Side { LEFT, RIGHT, BOTH, NONE }

    private static Side side(Expr expr, int leftWidth) {
        BitSet used = Exprs.columnsUsed(expr);
        if (used.isEmpty()) {
            return Side.NONE;
        }
        boolean left = used.nextSetBit(0) < leftWidth;
        boolean right = used.length() > leftWidth;
        return left && right ? Side.BOTH : left ? Side.LEFT : Side.RIGHT;
    }

    private static LogicalPlan aggregate(Aggregate aggregate, List<Expr> predicates) {
        int keys = aggregate.keys().size();
        List<Expr> below = new ArrayList<>();
        List<Expr> above = new ArrayList<>();
        for (Expr predicate : predicates) {
            BitSet used = Exprs.columnsUsed(predicate);
            // A global aggregate yields a row even for empty input, so filters cannot move below it.
            if (keys > 0 && !used.isEmpty() && used.length() <= keys) {
                below.add(Exprs.inline(predicate, aggregate.keys()));
            } else {
                above.add(predicate);
            }
        }
        Aggregate pushed = new Aggregate(push(aggregate.input(), below), aggregate.keys(), aggregate.keyNames(), aggregate.aggregates());
        return filter(pushed, above);
    }
}
