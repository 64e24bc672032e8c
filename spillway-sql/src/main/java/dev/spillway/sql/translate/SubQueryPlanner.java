package dev.spillway.sql.translate;

import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.AggregateCall;
import dev.spillway.expr.AggregateFunction;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.expr.Function;
import dev.spillway.expr.Functions;
import dev.spillway.plan.Aggregate;
import dev.spillway.plan.Join;
import dev.spillway.plan.JoinType;
import dev.spillway.plan.Limit;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Project;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;

/**
 * Replaces the sub-queries in the condition of one Filter (or the expressions of one Project) by joins on
 * its input, the way DuckDB's planner does:
 *
 * <pre>
 *   WHERE EXISTS (q)          →  input SEMI JOIN q  ON (correlated conditions of q, or TRUE)
 *   WHERE NOT EXISTS (q)      →  input ANTI JOIN q  ON ...
 *   WHERE x IN (q)            →  input SEMI JOIN q  ON x = q.c AND ...
 *   WHERE x NOT IN (q)        →  input ANTI JOIN q  ON (x = q.c OR x IS NULL OR q.c IS NULL) AND ...
 *   ... (SELECT agg FROM q)   →  input CROSS JOIN q (one row), the sub-query becomes q's column
 *   ... (SELECT agg FROM q WHERE q.k = outer.k)
 *                             →  input LEFT JOIN (q grouped by q.k) ON outer.k = q.k
 * </pre>
 *
 * <p>The NOT IN form keeps SQL's semantics with NULLs (a NULL on either side makes the row disappear unless
 * the sub-query is empty); the disjuncts {@code x IS NULL} and {@code q.c IS NULL} are dropped when Calcite
 * knows the columns are not nullable. A physical planner can recognise the shape as a null-aware hash anti
 * join. IN and EXISTS elsewhere than as AND-ed conditions (under OR, in a select list) are not supported.
 *
 * <p>A scalar sub-query that is not obviously a single row (a global aggregate) is reduced to one with
 * {@code any_value}, so the query cannot multiply rows; DuckDB would raise an error for several rows.
 */
final class SubQueryPlanner {
    private final RelTranslator translator;
    private final Correlation correlation;
    private final Map<RexSubQuery, Expr> scalars = new IdentityHashMap<>();
    private LogicalPlan plan;

    /**
     * @param input the translated input of the Filter or Project
     * @param variable the correlation variable the node declares for its sub-queries, or null
     */
    SubQueryPlanner(RelTranslator translator, LogicalPlan input, CorrelationId variable) {
        this.translator = translator;
        this.plan = input;
        this.correlation = variable == null ? Correlation.NONE : new Correlation(variable, RexScope.columns(input.schema(), 0));
    }

    LogicalPlan plan() {
        return plan;
    }

    Map<RexSubQuery, Expr> scalars() {
        return scalars;
    }

    static boolean containsSubQuery(RexNode node) {
        return RexUtilAccess.containsSubQuery(node);
    }

    /**
     * Plans an AND-ed condition that is [NOT] EXISTS or [NOT] IN as a semi or anti join; returns false for any
     * other condition. {@code scope} resolves the left operands of IN.
     */
    boolean planCondition(RexNode condition, RexScope scope) {
        boolean negated = false;
        RexNode node = condition;
        if (node.getKind() == SqlKind.NOT) {
            node = ((RexCall) node).getOperands().get(0);
            negated = true;
        }
        if (!(node instanceof RexSubQuery subQuery)) {
            return false;
        }
        if (subQuery.getKind() == SqlKind.EXISTS) {
            Translated sub = translator.subQuery(subQuery.rel, correlation);
            requireNotGrouped(sub, negated ? "NOT EXISTS" : "EXISTS");
            plan = new Join(plan, sub.plan(), negated ? JoinType.ANTI : JoinType.SEMI, Exprs.and(liftedInJoin(sub)));
            return true;
        }
        if (subQuery.getKind() == SqlKind.IN) {
            planIn(subQuery, negated, scope);
            return true;
        }
        return false;
    }

    private void planIn(RexSubQuery subQuery, boolean negated, RexScope scope) {
        List<Expr> tested = RexTranslator.translate(subQuery.getOperands(), scope, subQuery.rel.getCluster().getRexBuilder());
        Translated sub = translator.subQuery(subQuery.rel, correlation);
        if (negated) {
            requireNotGrouped(sub, "NOT IN");
        }
        if (negated && tested.size() != 1) {
            throw SpillwayException.userError("NOT IN with several columns is not supported");
        }
        int leftWidth = plan.schema().size();
        List<Expr> conditions = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            Expr left = tested.get(i);
            Expr right = RexScope.columns(sub.plan().schema(), leftWidth).get(i);
            Expr equal = Functions.call(Function.EQUAL, left, right);
            if (negated) {
                List<Expr> matches = new ArrayList<>(List.of(equal));
                if (subQuery.getOperands().get(i).getType().isNullable()) {
                    matches.add(Functions.call(Function.IS_NULL, left));
                }
                if (subQuery.rel.getRowType().getFieldList().get(i).getType().isNullable()) {
                    matches.add(Functions.call(Function.IS_NULL, right));
                }
                equal = Exprs.or(matches);
            }
            conditions.add(equal);
        }
        conditions.addAll(liftedInJoin(sub));
        plan = new Join(plan, sub.plan(), negated ? JoinType.ANTI : JoinType.SEMI, Exprs.and(conditions));
    }

    /**
     * A correlated aggregate is planned per correlation key, so an outer row without matching inner rows finds
     * no group, where SQL computes the aggregate over no rows (one row, count 0, max NULL). That is the same for
     * IN and scalar sub-queries, not for EXISTS and NOT IN.
     */
    private static void requireNotGrouped(Translated sub, String what) {
        if (sub.groupedByCorrelation()) {
            throw SpillwayException.userError("%s over a correlated aggregate is not supported", what);
        }
    }

    /** Plans every scalar sub-query inside {@code node} as a join that appends its value as a column. */
    void planScalars(RexNode node) {
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                if (subQuery.getKind() == SqlKind.SCALAR_QUERY && !scalars.containsKey(subQuery)) {
                    planScalar(subQuery);
                }
                return subQuery;
            }
        });
    }

    private void planScalar(RexSubQuery subQuery) {
        Translated sub = translator.subQuery(subQuery.rel, correlation);
        int leftWidth = plan.schema().size();
        LogicalPlan right = sub.plan();
        JoinType type;
        if (sub.isCorrelated()) {
            if (!sub.groupedByCorrelation()) {
                throw SpillwayException.userError("a correlated scalar sub-query must compute an aggregate (such as max(x))");
            }
            type = JoinType.LEFT;
        } else if (RowCounts.exactlyOne(right)) {
            type = JoinType.INNER;
        } else if (RowCounts.atMostOne(right)) {
            type = JoinType.LEFT;
        } else {
            Expr value = RexScope.columns(right.schema(), 0).get(0);
            right = new Aggregate(right, List.of(), List.of(),
                    List.of(AggregateCall.of(AggregateFunction.ANY_VALUE, List.of(value), false, right.schema().field(0).name())));
            type = JoinType.INNER;
        }
        plan = new Join(plan, right, type, Exprs.and(liftedInJoin(sub)));
        scalars.put(subQuery, RexScope.columns(right.schema(), leftWidth).get(0));
    }

    /** The sub-query's lifted conditions, renumbered from lifted coordinates to those of the join. */
    private List<Expr> liftedInJoin(Translated sub) {
        int outerSize = correlation.outerSize();
        int leftWidth = plan.schema().size();
        int[] mapping = new int[outerSize + sub.plan().schema().size()];
        for (int i = 0; i < mapping.length; i++) {
            mapping[i] = i < outerSize ? i : leftWidth + i - outerSize;
        }
        List<Expr> conditions = new ArrayList<>();
        for (Expr condition : sub.lifted()) {
            conditions.add(Exprs.remap(condition, mapping));
        }
        return conditions;
    }

    /** Row-count facts that decide how a scalar sub-query is joined. */
    private static final class RowCounts {
        private RowCounts() {}

        static boolean exactlyOne(LogicalPlan plan) {
            return switch (plan) {
                case Aggregate aggregate -> aggregate.keys().isEmpty();
                case Project project -> exactlyOne(project.input());
                case dev.spillway.plan.Values values -> values.rows().size() == 1;
                default -> false;
            };
        }

        static boolean atMostOne(LogicalPlan plan) {
            return switch (plan) {
                case Limit limit -> limit.hasLimit() && limit.limit() <= 1 || atMostOne(limit.input());
                case Project project -> atMostOne(project.input());
                case dev.spillway.plan.Filter filter -> atMostOne(filter.input());
                case dev.spillway.plan.Sort sort -> atMostOne(sort.input());
                default -> exactlyOne(plan);
            };
        }
    }
}
