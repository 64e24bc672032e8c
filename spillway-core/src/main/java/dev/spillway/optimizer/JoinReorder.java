package dev.spillway.optimizer;

import dev.spillway.expr.Call;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.expr.Function;
import dev.spillway.plan.Cardinality;
import dev.spillway.plan.Filter;
import dev.spillway.plan.Join;
import dev.spillway.plan.JoinType;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Project;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Orders trees of inner joins.
 *
 * <p>Algorithm (greedy operator ordering): the tree is flattened into its relations and the conjuncts
 * of its conditions. Starting with one component per relation, the two connected components whose
 * join is estimated smallest are merged, until one remains (disconnected ones are crossed last,
 * smallest first). An equi-join is estimated as a foreign-key join: the rows of the side with the
 * larger base table times the fraction of the other side that survived its filters. Conditions are
 * attached to the first join that has all their columns; a projection restores the column order.
 */
final class JoinReorder {
    private JoinReorder() {}

    static LogicalPlan apply(LogicalPlan plan) {
        if (plan instanceof Join join && join.type() == JoinType.INNER) {
            return reorder(join);
        }
        List<LogicalPlan> inputs = plan.inputs().stream().map(JoinReorder::apply).toList();
        return inputs.isEmpty() ? plan : plan.withInputs(inputs);
    }

    private static final class Component {
        LogicalPlan plan;
        List<Integer> columns;
        BitSet relations = new BitSet();
        double rows;
        double base;
    }

    private static LogicalPlan reorder(Join root) {
        List<LogicalPlan> relations = new ArrayList<>();
        List<Expr> conjuncts = new ArrayList<>();
        flatten(root, 0, relations, conjuncts);
        int[] relationOf = new int[root.schema().size()];
        int[] offsets = new int[relations.size()];
        List<Component> components = new ArrayList<>();
        int offset = 0;
        for (int r = 0; r < relations.size(); r++) {
            offsets[r] = offset;
            Component component = new Component();
            component.plan = relations.get(r);
            component.columns = new ArrayList<>();
            int width = component.plan.schema().size();
            for (int c = 0; c < width; c++) {
                component.columns.add(offset + c);
                relationOf[offset + c] = r;
            }
            offset += width;
            component.relations.set(r);
            component.rows = Math.max(1, Cardinality.rows(component.plan));
            component.base = Math.max(1, Cardinality.baseRows(component.plan));
            components.add(component);
        }
        List<BitSet> conjunctRelations = new ArrayList<>();
        for (Expr conjunct : conjuncts) {
            BitSet used = new BitSet();
            Exprs.columnsUsed(conjunct).stream().forEach(column -> used.set(relationOf[column]));
            conjunctRelations.add(used);
        }
        boolean[] applied = new boolean[conjuncts.size()];
        Distinct distinct = new Distinct(relations, relationOf, offsets);
        while (components.size() > 1) {
            int bestA = -1;
            int bestB = -1;
            double bestRows = Double.MAX_VALUE;
            for (int a = 0; a < components.size(); a++) {
                for (int b = a + 1; b < components.size(); b++) {
                    double rows = estimate(components.get(a), components.get(b), conjuncts, conjunctRelations, applied, distinct);
                    if (rows >= 0 && rows < bestRows) {
                        bestRows = rows;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestA < 0) {
                // Nothing connected: cross the two smallest components.
                components.sort((x, y) -> Double.compare(x.rows, y.rows));
                bestA = 0;
                bestB = 1;
                bestRows = components.get(0).rows * components.get(1).rows;
            }
            Component b = components.remove(bestB);
            Component a = components.remove(bestA);
            components.add(merge(a, b, bestRows, conjuncts, conjunctRelations, applied));
        }
        Component result = components.get(0);
        LogicalPlan plan = result.plan;
        List<Expr> leftovers = new ArrayList<>();
        for (int i = 0; i < conjuncts.size(); i++) {
            if (!applied[i]) {
                leftovers.add(remap(conjuncts.get(i), result.columns, root.schema().size()));
            }
        }
        if (!leftovers.isEmpty()) {
            plan = new Filter(plan, Exprs.and(leftovers));
        }
        return restoreOrder(plan, result.columns, root.schema());
    }

    /** Collects the relations of an inner-join tree (reordering inside them) and its conjuncts in global columns. */
    private static int flatten(LogicalPlan plan, int offset, List<LogicalPlan> relations, List<Expr> conjuncts) {
        if (plan instanceof Join join && join.type() == JoinType.INNER) {
            int leftWidth = flatten(join.left(), offset, relations, conjuncts);
            flatten(join.right(), offset + leftWidth, relations, conjuncts);
            for (Expr conjunct : Exprs.conjuncts(join.condition())) {
                if (!Exprs.isTrue(conjunct)) {
                    conjuncts.add(Exprs.shift(conjunct, offset));
                }
            }
            return join.schema().size();
        }
        relations.add(apply(plan));
        return plan.schema().size();
    }

    /** Estimated rows of joining a and b, or -1 if no pending condition connects them. */
    private static double estimate(Component a, Component b, List<Expr> conjuncts, List<BitSet> conjunctRelations, boolean[] applied,
            Distinct distinct) {
        BitSet both = (BitSet) a.relations.clone();
        both.or(b.relations);
        boolean connected = false;
        double denominator = 0;
        double selectivity = 1;
        for (int i = 0; i < conjuncts.size(); i++) {
            BitSet used = conjunctRelations.get(i);
            if (applied[i] || !a.relations.intersects(used) || !b.relations.intersects(used) || !subset(used, both)) {
                continue;
            }
            connected = true;
            if (conjuncts.get(i) instanceof Call call && call.function() == Function.EQUAL
                    && call.args().get(0) instanceof ColumnRef x && call.args().get(1) instanceof ColumnRef y) {
                double ndvX = Math.min(distinct.of(x.index()), a.relations.get(distinct.relation(x.index())) ? a.rows : b.rows);
                double ndvY = Math.min(distinct.of(y.index()), a.relations.get(distinct.relation(y.index())) ? a.rows : b.rows);
                denominator = Math.max(denominator, Math.max(ndvX, ndvY));
            } else {
                selectivity *= Cardinality.selectivity(conjuncts.get(i));
            }
        }
        if (!connected) {
            return -1;
        }
        if (denominator == 0) {
            return a.rows * b.rows * selectivity;
        }
        // System R: |A| * |B| / max(ndv) for the most selective key pair.
        return Math.max(1, a.rows * b.rows / Math.max(1, denominator) * selectivity);
    }

    /** Distinct-value estimates of global columns, from the relation each column belongs to. */
    private record Distinct(List<LogicalPlan> relations, int[] relationOf, int[] offsets) {
        int relation(int column) {
            return relationOf[column];
        }

        double of(int column) {
            int relation = relationOf[column];
            return Cardinality.distinct(relations.get(relation), column - offsets[relation]);
        }
    }

    private static boolean subset(BitSet used, BitSet of) {
        BitSet rest = (BitSet) used.clone();
        rest.andNot(of);
        return rest.isEmpty();
    }

    private static Component merge(Component a, Component b, double rows, List<Expr> conjuncts, List<BitSet> conjunctRelations, boolean[] applied) {
        // The larger input goes left (it will usually be the probe side).
        if (a.rows < b.rows) {
            Component swap = a;
            a = b;
            b = swap;
        }
        Component merged = new Component();
        merged.columns = new ArrayList<>(a.columns);
        merged.columns.addAll(b.columns);
        merged.relations.or(a.relations);
        merged.relations.or(b.relations);
        merged.rows = rows;
        merged.base = Math.max(a.base, b.base);
        int width = maxColumn(merged.columns) + 1;
        List<Expr> condition = new ArrayList<>();
        for (int i = 0; i < conjuncts.size(); i++) {
            if (!applied[i] && subset(conjunctRelations.get(i), merged.relations)) {
                condition.add(remap(conjuncts.get(i), merged.columns, width));
                applied[i] = true;
            }
        }
        merged.plan = new Join(a.plan, b.plan, JoinType.INNER, Exprs.and(condition));
        return merged;
    }

    private static int maxColumn(List<Integer> columns) {
        int max = 0;
        for (int column : columns) {
            max = Math.max(max, column);
        }
        return max;
    }

    /** Rewrites global column numbers to positions in the component's column list. */
    private static Expr remap(Expr expr, List<Integer> columns, int width) {
        int[] mapping = new int[Math.max(width, maxColumn(columns) + 1)];
        java.util.Arrays.fill(mapping, -1);
        for (int position = 0; position < columns.size(); position++) {
            mapping[columns.get(position)] = position;
        }
        return Exprs.remap(expr, mapping);
    }

    private static LogicalPlan restoreOrder(LogicalPlan plan, List<Integer> columns, Schema original) {
        boolean identity = true;
        for (int i = 0; i < columns.size(); i++) {
            identity &= columns.get(i) == i;
        }
        if (identity) {
            return plan;
        }
        int[] position = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            position[columns.get(i)] = i;
        }
        List<Expr> exprs = new ArrayList<>();
        for (int g = 0; g < original.size(); g++) {
            exprs.add(new ColumnRef(position[g], original.field(g).name(), original.type(g)));
        }
        return new Project(plan, exprs, original.names());
    }
}
