package dev.spillway.optimizer;

import dev.spillway.expr.AggregateCall;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.plan.Aggregate;
import dev.spillway.plan.Filter;
import dev.spillway.plan.Join;
import dev.spillway.plan.Limit;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Project;
import dev.spillway.plan.Scan;
import dev.spillway.plan.Sort;
import dev.spillway.plan.SortKey;
import dev.spillway.plan.UnionAll;
import dev.spillway.plan.Values;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Removes columns nobody reads, top-down, so that scans decode only the columns a query uses and
 * joins carry only what is needed above them. Each pruned node reports where its surviving columns
 * went ({@code mapping[old] = new}, -1 if dropped); it may keep columns beyond those required.
 */
final class ColumnPruning {
    private ColumnPruning() {}

    private record Pruned(LogicalPlan plan, int[] mapping) {}

    static LogicalPlan apply(LogicalPlan plan) {
        BitSet all = new BitSet();
        all.set(0, plan.schema().size());
        Pruned pruned = prune(plan, all);
        return exactly(pruned, all, plan.schema());
    }

    private static Pruned prune(LogicalPlan plan, BitSet required) {
        return switch (plan) {
            case Scan scan -> {
                List<Integer> projection = new ArrayList<>();
                int[] mapping = unmapped(scan.projection().size());
                for (int i = 0; i < scan.projection().size(); i++) {
                    if (required.get(i)) {
                        mapping[i] = projection.size();
                        projection.add(scan.projection().get(i));
                    }
                }
                if (projection.isEmpty() && !scan.projection().isEmpty()) {
                    // Keep one column so that readers still produce row counts.
                    mapping[0] = 0;
                    projection.add(scan.projection().get(0));
                }
                yield new Pruned(new Scan(scan.source(), projection, scan.filters()), mapping);
            }
            case Values values -> {
                int[] mapping = unmapped(values.schema().size());
                List<Integer> kept = new ArrayList<>();
                for (int i = 0; i < mapping.length; i++) {
                    if (required.get(i)) {
                        mapping[i] = kept.size();
                        kept.add(i);
                    }
                }
                List<List<Object>> rows = values.rows().stream().map(row -> kept.stream().map(row::get).toList()).toList();
                yield new Pruned(new Values(values.schema().select(kept), rows), mapping);
            }
            case Project project -> {
                BitSet needed = new BitSet();
                int[] mapping = unmapped(project.exprs().size());
                List<Integer> kept = new ArrayList<>();
                for (int i = 0; i < project.exprs().size(); i++) {
                    if (required.get(i)) {
                        mapping[i] = kept.size();
                        kept.add(i);
                        Exprs.collectColumns(project.exprs().get(i), needed);
                    }
                }
                Pruned input = prune(project.input(), needed);
                List<Expr> exprs = kept.stream().map(i -> Exprs.remap(project.exprs().get(i), input.mapping())).toList();
                List<String> names = kept.stream().map(project.names()::get).toList();
                yield new Pruned(new Project(input.plan(), exprs, names), mapping);
            }
            case Filter filter -> {
                BitSet needed = (BitSet) required.clone();
                Exprs.collectColumns(filter.condition(), needed);
                Pruned input = prune(filter.input(), needed);
                yield new Pruned(new Filter(input.plan(), Exprs.remap(filter.condition(), input.mapping())), input.mapping());
            }
            case Aggregate aggregate -> aggregate(aggregate, required);
            case Join join -> join(join, required);
            case Sort sort -> {
                BitSet needed = (BitSet) required.clone();
                sort.keys().forEach(key -> Exprs.collectColumns(key.expr(), needed));
                Pruned input = prune(sort.input(), needed);
                List<SortKey> keys = sort.keys().stream().map(key -> key.withExpr(Exprs.remap(key.expr(), input.mapping()))).toList();
                yield new Pruned(new Sort(input.plan(), keys), input.mapping());
            }
            case Limit limit -> {
                Pruned input = prune(limit.input(), required);
                yield new Pruned(new Limit(input.plan(), limit.offset(), limit.limit()), input.mapping());
            }
            case UnionAll union -> {
                List<Integer> kept = required.stream().boxed().toList();
                Schema schema = union.schema().select(kept);
                List<LogicalPlan> inputs = union.inputs().stream().map(input -> exactly(prune(input, required), required, schema)).toList();
                int[] mapping = unmapped(union.schema().size());
                for (int i = 0; i < kept.size(); i++) {
                    mapping[kept.get(i)] = i;
                }
                yield new Pruned(new UnionAll(inputs, schema), mapping);
            }
        };
    }

    private static Pruned aggregate(Aggregate aggregate, BitSet required) {
        int keys = aggregate.keys().size();
        BitSet needed = new BitSet();
        aggregate.keys().forEach(key -> Exprs.collectColumns(key, needed));
        List<AggregateCall> kept = new ArrayList<>();
        int[] mapping = unmapped(keys + aggregate.aggregates().size());
        for (int k = 0; k < keys; k++) {
            mapping[k] = k;
        }
        for (int i = 0; i < aggregate.aggregates().size(); i++) {
            if (required.get(keys + i)) {
                AggregateCall call = aggregate.aggregates().get(i);
                mapping[keys + i] = keys + kept.size();
                kept.add(call);
                call.args().forEach(arg -> Exprs.collectColumns(arg, needed));
            }
        }
        Pruned input = prune(aggregate.input(), needed);
        List<Expr> newKeys = aggregate.keys().stream().map(key -> Exprs.remap(key, input.mapping())).toList();
        List<AggregateCall> newCalls = kept.stream()
                .map(call -> call.withArgs(call.args().stream().map(arg -> Exprs.remap(arg, input.mapping())).toList())).toList();
        return new Pruned(new Aggregate(input.plan(), newKeys, aggregate.keyNames(), newCalls), mapping);
    }

    private static Pruned join(Join join, BitSet required) {
        int leftWidth = join.left().schema().size();
        int rightWidth = join.right().schema().size();
        BitSet needed = (BitSet) required.clone();
        Exprs.collectColumns(join.condition(), needed);
        BitSet leftNeeded = needed.get(0, leftWidth);
        BitSet rightNeeded = needed.get(leftWidth, leftWidth + rightWidth);
        Pruned left = prune(join.left(), leftNeeded);
        Pruned right = prune(join.right(), rightNeeded);
        int newLeftWidth = left.plan().schema().size();
        int[] conditionMapping = new int[leftWidth + rightWidth];
        for (int i = 0; i < leftWidth; i++) {
            conditionMapping[i] = left.mapping()[i];
        }
        for (int j = 0; j < rightWidth; j++) {
            conditionMapping[leftWidth + j] = right.mapping()[j] < 0 ? -1 : newLeftWidth + right.mapping()[j];
        }
        Join pruned = new Join(left.plan(), right.plan(), join.type(), Exprs.remap(join.condition(), conditionMapping));
        int[] mapping = join.type().outputsRight() ? conditionMapping : Arrays.copyOf(conditionMapping, leftWidth);
        return new Pruned(pruned, mapping);
    }

    /** The pruned plan with exactly the {@code required} columns, in order, named as in {@code schema}. */
    private static LogicalPlan exactly(Pruned pruned, BitSet required, Schema schema) {
        List<Expr> exprs = new ArrayList<>();
        boolean identity = pruned.plan().schema().size() == required.cardinality();
        int position = 0;
        for (int column = required.nextSetBit(0); column >= 0; column = required.nextSetBit(column + 1)) {
            int source = pruned.mapping()[column];
            identity &= source == position++;
            var field = pruned.plan().schema().field(source);
            exprs.add(new ColumnRef(source, field.name(), field.type()));
        }
        List<String> names = schema.size() == exprs.size() ? schema.names()
                : required.stream().mapToObj(c -> pruned.plan().schema().field(pruned.mapping()[c]).name()).toList();
        if (identity && pruned.plan().schema().names().equals(names)) {
            return pruned.plan();
        }
        return new Project(pruned.plan(), exprs, names);
    }

    private static int[] unmapped(int size) {
        int[] mapping = new int[size];
        Arrays.fill(mapping, -1);
        return mapping;
    }
}
