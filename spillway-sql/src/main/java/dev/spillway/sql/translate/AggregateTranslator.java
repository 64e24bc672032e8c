package dev.spillway.sql.translate;

import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.AggregateCall;
import dev.spillway.expr.AggregateFunction;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Function;
import dev.spillway.expr.Functions;
import dev.spillway.expr.Literal;
import dev.spillway.plan.Aggregate;
import dev.spillway.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rel.logical.LogicalAggregate;

/**
 * Translates an aggregation: group keys are input columns, aggregates are built with {@link AggregateCall#of}
 * (DuckDB's result types: {@code sum} of DECIMAL(p,s) is DECIMAL(38,s), {@code avg} is DOUBLE, ...).
 * {@code agg(x) FILTER (WHERE f)} becomes {@code agg(CASE WHEN f THEN x END)}.
 *
 * <p>Inside a correlated scalar sub-query ({@code SELECT max(x) FROM t WHERE t.k = outer.k}), the lifted
 * equalities turn into grouping keys: the aggregate is computed per {@code t.k}, appended after the
 * aggregates, and the equality is lifted further against the key column (see {@link SubQueryPlanner}).
 */
final class AggregateTranslator {
    private AggregateTranslator() {}

    static Translated translate(LogicalAggregate aggregate, Translated input, Correlation correlation) {
        if (aggregate.getGroupType() != org.apache.calcite.rel.core.Aggregate.Group.SIMPLE) {
            throw SpillwayException.userError("GROUPING SETS, ROLLUP and CUBE are not supported");
        }
        LogicalPlan in = input.plan();
        List<Expr> columns = RexScope.columns(in.schema(), 0);
        List<String> names = aggregate.getRowType().getFieldNames();
        int groupCount = aggregate.getGroupCount();

        List<Expr> keys = new ArrayList<>();
        List<String> keyNames = new ArrayList<>();
        for (int key : aggregate.getGroupSet()) {
            keys.add(columns.get(key));
            keyNames.add(names.get(keys.size() - 1));
        }

        List<Expr> filteredArguments = new ArrayList<>();
        List<AggregateCall> calls = new ArrayList<>();
        for (int i = 0; i < aggregate.getAggCallList().size(); i++) {
            org.apache.calcite.rel.core.AggregateCall call = aggregate.getAggCallList().get(i);
            AggregateFunction function = function(call);
            List<Expr> args = new ArrayList<>();
            for (int arg : call.getArgList()) {
                args.add(columns.get(arg));
            }
            if (call.filterArg >= 0) {
                Expr filter = columns.get(call.filterArg);
                Expr value = function == AggregateFunction.COUNT_STAR ? Literal.of(1) : args.get(0);
                function = function == AggregateFunction.COUNT_STAR ? AggregateFunction.COUNT : function;
                filteredArguments.add(Functions.call(Function.CASE, filter, value, Literal.nullOf(value.type())));
                Expr filtered = filteredArguments.get(filteredArguments.size() - 1);
                args = List.of(new ColumnRef(columns.size() + filteredArguments.size() - 1, "filtered", filtered.type()));
            }
            calls.add(AggregateCall.of(function, args, call.isDistinct(), names.get(groupCount + i)));
        }
        if (!filteredArguments.isEmpty()) {
            List<Expr> projected = new ArrayList<>(columns);
            projected.addAll(filteredArguments);
            List<String> projectedNames = new ArrayList<>(in.schema().names());
            for (int i = 0; i < filteredArguments.size(); i++) {
                projectedNames.add("filtered" + i);
            }
            in = Projections.project(in, projected, projectedNames);
        }
        if (!input.isCorrelated()) {
            return Translated.of(new Aggregate(in, keys, keyNames, calls));
        }
        return groupedByCorrelation(in, keys, keyNames, calls, input, correlation);
    }

    private static Translated groupedByCorrelation(LogicalPlan in, List<Expr> keys, List<String> keyNames, List<AggregateCall> calls,
            Translated input, Correlation correlation) {
        if (!keys.isEmpty()) {
            throw SpillwayException.userError("correlated sub-queries with GROUP BY are not supported");
        }
        for (AggregateCall call : calls) {
            if (call.function() == AggregateFunction.COUNT || call.function() == AggregateFunction.COUNT_STAR) {
                throw SpillwayException.userError("correlated sub-queries that count are not supported");
            }
        }
        int outerSize = correlation.outerSize();
        // Each lifted condition must be outer expression = inner column; the inner columns become keys.
        Map<Integer, Integer> keyOfInnerColumn = new LinkedHashMap<>();
        List<Expr> outerSides = new ArrayList<>();
        List<Integer> innerColumns = new ArrayList<>();
        for (Expr condition : input.lifted()) {
            Equality equality = Equality.of(condition, outerSize);
            outerSides.add(equality.outer());
            innerColumns.add(equality.innerColumn());
            keyOfInnerColumn.putIfAbsent(equality.innerColumn(), keyOfInnerColumn.size());
        }
        List<Expr> groupKeys = new ArrayList<>();
        List<String> groupNames = new ArrayList<>();
        for (int inner : keyOfInnerColumn.keySet()) {
            groupKeys.add(RexScope.columns(in.schema(), 0).get(inner));
            groupNames.add(in.schema().field(inner).name());
        }
        Aggregate grouped = new Aggregate(in, groupKeys, groupNames, calls);
        // Aggregates first (the columns Calcite knows), then the keys the lifted equalities compare with.
        List<Expr> reordered = new ArrayList<>();
        List<String> reorderedNames = new ArrayList<>();
        List<Expr> groupedColumns = RexScope.columns(grouped.schema(), 0);
        for (int i = 0; i < calls.size(); i++) {
            reordered.add(groupedColumns.get(groupKeys.size() + i));
            reorderedNames.add(calls.get(i).name());
        }
        for (int i = 0; i < groupKeys.size(); i++) {
            reordered.add(groupedColumns.get(i));
            reorderedNames.add(groupNames.get(i));
        }
        LogicalPlan plan = Projections.project(grouped, reordered, reorderedNames);
        List<Expr> lifted = new ArrayList<>();
        for (int i = 0; i < outerSides.size(); i++) {
            int position = calls.size() + keyOfInnerColumn.get(innerColumns.get(i));
            Expr key = new ColumnRef(outerSize + position, reorderedNames.get(position), plan.schema().type(position));
            lifted.add(Functions.call(Function.EQUAL, outerSides.get(i), key));
        }
        return new Translated(plan, calls.size(), lifted, true);
    }

    /** A lifted condition {@code outer = inner column} (either way round). */
    private record Equality(Expr outer, int innerColumn) {
        static Equality of(Expr condition, int outerSize) {
            if (condition instanceof dev.spillway.expr.Call call && call.function() == Function.EQUAL) {
                Equality equality = match(call.args().get(0), call.args().get(1), outerSize);
                if (equality == null) {
                    equality = match(call.args().get(1), call.args().get(0), outerSize);
                }
                if (equality != null) {
                    return equality;
                }
            }
            throw SpillwayException.userError("a correlated sub-query with an aggregate may only compare outer and inner columns with '='");
        }

        private static Equality match(Expr outer, Expr inner, int outerSize) {
            Expr innerColumn = inner instanceof dev.spillway.expr.Cast cast ? cast.input() : inner;
            if (!(innerColumn instanceof ColumnRef ref) || ref.index() < outerSize) {
                return null;
            }
            if (dev.spillway.expr.Exprs.columnsUsed(outer).stream().anyMatch(column -> column >= outerSize)) {
                return null;
            }
            return new Equality(outer, ref.index() - outerSize);
        }
    }

    private static AggregateFunction function(org.apache.calcite.rel.core.AggregateCall call) {
        String name = call.getAggregation().getName().toUpperCase(Locale.ROOT);
        switch (name) {
            case "BOOL_AND", "EVERY" -> {
                return AggregateFunction.BOOL_AND;
            }
            case "BOOL_OR", "SOME" -> {
                return AggregateFunction.BOOL_OR;
            }
            default -> {
                // by kind below
            }
        }
        return switch (call.getAggregation().getKind()) {
            case COUNT -> {
                if (call.getArgList().size() > 1) {
                    throw SpillwayException.userError("count of several columns is not supported");
                }
                yield call.getArgList().isEmpty() ? AggregateFunction.COUNT_STAR : AggregateFunction.COUNT;
            }
            case SUM -> AggregateFunction.SUM;
            case AVG -> AggregateFunction.AVG;
            case MIN -> AggregateFunction.MIN;
            case MAX -> AggregateFunction.MAX;
            case STDDEV_SAMP -> AggregateFunction.STDDEV_SAMP;
            case STDDEV_POP -> AggregateFunction.STDDEV_POP;
            case VAR_SAMP -> AggregateFunction.VAR_SAMP;
            case VAR_POP -> AggregateFunction.VAR_POP;
            case ANY_VALUE -> AggregateFunction.ANY_VALUE;
            default -> throw SpillwayException.userError("aggregate function %s is not supported", name.toLowerCase(Locale.ROOT));
        };
    }

}
