package dev.spillway.sql.translate;

import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.plan.Filter;
import dev.spillway.plan.Join;
import dev.spillway.plan.JoinType;
import dev.spillway.plan.Limit;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Sort;
import dev.spillway.plan.SortKey;
import dev.spillway.sql.calcite.PlanTable;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalIntersect;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalMinus;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.plan.RelOptUtil;

/**
 * Translates Calcite's relational algebra (as produced by {@code SqlToRelConverter}, sub-queries still in
 * place) into a Spillway {@link LogicalPlan}. Expressions are re-derived with DuckDB's typing
 * ({@link RexTranslator}); sub-queries become joins ({@link SubQueryPlanner}); scans of catalog tables become
 * the catalog's plans.
 *
 * <p>The translation is bottom-up: each node is translated over its translated inputs, so column types are
 * Spillway's all the way up, and Calcite's row types are used only for names and arities.
 */
public final class RelTranslator {
    private final RexBuilder rexBuilder;

    private RelTranslator(RexBuilder rexBuilder) {
        this.rexBuilder = rexBuilder;
    }

    /** Translates a whole query. */
    public static LogicalPlan translate(RelNode root) {
        return new RelTranslator(root.getCluster().getRexBuilder()).plan(root, Correlation.NONE).uncorrelated("the query");
    }

    /** Translates a sub-query correlated with {@code correlation} (or uncorrelated, with {@link Correlation#NONE}). */
    Translated subQuery(RelNode rel, Correlation correlation) {
        return plan(rel, correlation);
    }

    private Translated plan(RelNode rel, Correlation correlation) {
        return switch (rel) {
            case LogicalTableScan scan -> Translated.of(scan.getTable().unwrapOrThrow(PlanTable.class).plan());
            case LogicalValues values -> Translated.of(ValuesTranslator.translate(values));
            case LogicalProject project -> project(project, correlation);
            case LogicalFilter filter -> filter(filter, correlation);
            case LogicalAggregate aggregate -> AggregateTranslator.translate(aggregate, plan(aggregate.getInput(), correlation), correlation);
            case LogicalJoin join -> Translated.of(join(join, correlation));
            case LogicalSort sort -> sort(sort, correlation);
            case LogicalUnion union -> Translated.of(SetOperations.union(union, setInputs(union, correlation)));
            case LogicalIntersect intersect -> Translated.of(SetOperations.intersectOrExcept(intersect, JoinType.SEMI, setInputs(intersect, correlation)));
            case LogicalMinus minus -> Translated.of(SetOperations.intersectOrExcept(minus, JoinType.ANTI, setInputs(minus, correlation)));
            default -> throw unsupported(rel);
        };
    }

    private static SpillwayException unsupported(RelNode rel) {
        String what = switch (rel.getRelTypeName()) {
            case "LogicalCorrelate" -> "LATERAL joins and correlated sub-queries in FROM are";
            case "LogicalWindow" -> "window functions are";
            case "LogicalTableFunctionScan" -> "this table function call syntax is";
            default -> rel.getRelTypeName() + " is";
        };
        return SpillwayException.userError("%s not supported", what);
    }

    private Translated project(LogicalProject project, Correlation correlation) {
        Translated input = plan(project.getInput(), correlation);
        LogicalPlan plan = input.plan();
        int inputWidth = plan.schema().size();
        SubQueryPlanner subQueries = new SubQueryPlanner(this, plan, Correlation.single(project.getVariablesSet()));
        for (RexNode node : project.getProjects()) {
            subQueries.planScalars(node);
        }
        plan = subQueries.plan();
        RexScope scope = RexScope.of(plan.schema()).withSubQueries(subQueries.scalars());
        List<Expr> exprs = new ArrayList<>(RexTranslator.translate(project.getProjects(), scope, rexBuilder));
        List<String> names = new ArrayList<>(project.getRowType().getFieldNames());
        int width = exprs.size();
        if (!input.isCorrelated()) {
            return Translated.of(Projections.project(plan, exprs, names));
        }
        // Carry the inner columns the lifted conditions read, after the projected ones.
        int outerSize = correlation.outerSize();
        List<Expr> inputColumns = RexScope.columns(plan.schema(), 0);
        int[] mapping = new int[outerSize + inputWidth];
        for (int i = 0; i < outerSize; i++) {
            mapping[i] = i;
        }
        for (int i = outerSize; i < mapping.length; i++) {
            mapping[i] = -1;
        }
        for (Expr condition : input.lifted()) {
            for (int column : Exprs.columnsUsed(condition).stream().toArray()) {
                if (column >= outerSize && mapping[column] < 0) {
                    mapping[column] = outerSize + exprs.size();
                    exprs.add(inputColumns.get(column - outerSize));
                    names.add(plan.schema().field(column - outerSize).name());
                }
            }
        }
        List<Expr> lifted = new ArrayList<>();
        for (Expr condition : input.lifted()) {
            lifted.add(Exprs.remap(condition, mapping));
        }
        return new Translated(Projections.project(plan, exprs, names), width, lifted, input.groupedByCorrelation());
    }

    private Translated filter(LogicalFilter filter, Correlation correlation) {
        Translated input = plan(filter.getInput(), correlation);
        LogicalPlan inputPlan = input.plan();
        int width = inputPlan.schema().size();
        List<Expr> lifted = new ArrayList<>(input.lifted());
        CorrelationId variable = Correlation.single(filter.getVariablesSet());
        SubQueryPlanner subQueries = new SubQueryPlanner(this, inputPlan, variable);
        RexScope inputScope = RexScope.of(inputPlan.schema());
        List<RexNode> remaining = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            if (SubQueryPlanner.containsSubQuery(conjunct)) {
                if (!subQueries.planCondition(conjunct, inputScope)) {
                    subQueries.planScalars(conjunct);
                    remaining.add(conjunct);
                }
            } else if (correlation.active() && RexUtilAccess.containsCorrelation(conjunct)) {
                // Compares with the outer row: evaluated by the join that replaces this sub-query.
                RexScope liftedScope = new RexScope(RexScope.columns(inputPlan.schema(), correlation.outerSize()),
                        java.util.Map.of(correlation.id(), correlation.outerColumns()), java.util.Map.of());
                lifted.add(RexTranslator.translate(conjunct, liftedScope, rexBuilder));
            } else {
                remaining.add(conjunct);
            }
        }
        LogicalPlan plan = subQueries.plan();
        if (!remaining.isEmpty()) {
            RexScope scope = RexScope.of(plan.schema()).withSubQueries(subQueries.scalars());
            plan = new Filter(plan, Exprs.and(RexTranslator.translate(remaining, scope, rexBuilder)));
        }
        plan = Translated.narrowed(plan, width);
        return new Translated(plan, input.width(), lifted, input.groupedByCorrelation());
    }

    private LogicalPlan join(LogicalJoin join, Correlation correlation) {
        if (SubQueryPlanner.containsSubQuery(join.getCondition())) {
            throw SpillwayException.userError("sub-queries in JOIN conditions are not supported");
        }
        LogicalPlan left = plan(join.getLeft(), correlation).uncorrelated("a join");
        LogicalPlan right = plan(join.getRight(), correlation).uncorrelated("a join");
        Schema both = left.schema().concat(right.schema());
        Expr condition = RexTranslator.translate(join.getCondition(), RexScope.of(both), rexBuilder);
        return new Join(left, right, joinType(join.getJoinType()), condition);
    }

    private static JoinType joinType(JoinRelType type) {
        return switch (type) {
            case INNER -> JoinType.INNER;
            case LEFT -> JoinType.LEFT;
            case RIGHT -> JoinType.RIGHT;
            case FULL -> JoinType.FULL;
            case SEMI -> JoinType.SEMI;
            case ANTI -> JoinType.ANTI;
            default -> throw SpillwayException.userError("%s joins are not supported", type);
        };
    }

    private Translated sort(LogicalSort sort, Correlation correlation) {
        Translated input = plan(sort.getInput(), correlation);
        boolean limited = sort.fetch != null || sort.offset != null;
        if (input.isCorrelated()) {
            if (limited) {
                throw SpillwayException.userError("LIMIT in correlated sub-queries is not supported");
            }
            return input; // order inside a sub-query means nothing
        }
        LogicalPlan plan = input.plan();
        if (!sort.getCollation().getFieldCollations().isEmpty()) {
            List<Expr> columns = RexScope.columns(plan.schema(), 0);
            List<SortKey> keys = new ArrayList<>();
            for (RelFieldCollation collation : sort.getCollation().getFieldCollations()) {
                boolean ascending = !collation.direction.isDescending();
                // DuckDB sorts NULLs last in both directions unless told otherwise.
                boolean nullsFirst = collation.nullDirection == RelFieldCollation.NullDirection.FIRST;
                keys.add(new SortKey(columns.get(collation.getFieldIndex()), ascending, nullsFirst));
            }
            plan = new Sort(plan, keys);
        }
        if (limited) {
            plan = new Limit(plan, sort.offset == null ? 0 : count(sort.offset, "OFFSET"), sort.fetch == null ? Limit.NO_LIMIT : count(sort.fetch, "LIMIT"));
        }
        return Translated.of(plan);
    }

    private static long count(RexNode node, String clause) {
        if (node instanceof RexLiteral literal && literal.getValueAs(Long.class) != null) {
            return literal.getValueAs(Long.class);
        }
        throw SpillwayException.userError("%s must be a constant integer", clause);
    }

    private List<LogicalPlan> setInputs(SetOp setOp, Correlation correlation) {
        List<LogicalPlan> inputs = new ArrayList<>();
        for (RelNode input : setOp.getInputs()) {
            inputs.add(plan(input, correlation).uncorrelated("UNION, INTERSECT or EXCEPT"));
        }
        return inputs;
    }
}
