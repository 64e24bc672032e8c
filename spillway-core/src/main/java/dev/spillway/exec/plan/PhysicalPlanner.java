package dev.spillway.exec.plan;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.errors.SpillwayException;
import dev.spillway.exec.aggregate.AggregateSpec;
import dev.spillway.exec.aggregate.GroupedAggregation;
import dev.spillway.exec.sort.SortSpec;
import dev.spillway.expr.AggregateCall;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.io.ScanSpec;
import dev.spillway.plan.Aggregate;
import dev.spillway.plan.Cardinality;
import dev.spillway.plan.Filter;
import dev.spillway.plan.Join;
import dev.spillway.plan.JoinType;
import dev.spillway.plan.Limit;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Project;
import dev.spillway.plan.Scan;
import dev.spillway.plan.Sort;
import dev.spillway.plan.SortKey;
import dev.spillway.plan.UnionAll;
import dev.spillway.plan.Values;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an optimized logical plan into a physical plan: scans are split into tasks, expressions that
 * operators need as columns (grouping and sort keys, join keys, aggregate arguments) are computed by
 * projections inserted below them, joins pick their build side, ORDER BY + LIMIT becomes a top-N.
 */
public final class PhysicalPlanner {
    private final ExecutionConfig config;

    public PhysicalPlanner(ExecutionConfig config) {
        this.config = config;
    }

    public PhysicalPlan plan(LogicalPlan node) {
        return switch (node) {
            case Scan scan -> scan(scan, Set.of());
            case Values values -> new ValuesExec(values.schema(), values.rows());
            case Project project -> new ProjectExec(plan(project.input()), project.exprs(), project.schema());
            case Filter filter -> new FilterExec(plan(filter.input()), filter.condition());
            case Aggregate aggregate -> aggregate(aggregate);
            case Join join -> JoinPlanner.plan(join, plan(join.left()), plan(join.right()),
                    Cardinality.rows(join.left()), Cardinality.rows(join.right()));
            case Sort sort -> sort(sort, 0, -1);
            case Limit limit -> {
                if (limit.input() instanceof Sort sort && limit.hasLimit()) {
                    yield sort(sort, limit.offset(), limit.limit());
                }
                yield new LimitExec(plan(limit.input()), limit.offset(), limit.limit());
            }
            case UnionAll union -> new UnionExec(union.inputs().stream().map(this::plan).toList(), union.schema());
        };
    }

    /**
     * Task size for a scan: the configured target, but small enough that the scan splits into about four
     * tasks per thread (a projection of two narrow columns of a big table is still worth parallelizing).
     */
    private long taskBytes(Scan scan) {
        long projected = scan.source().estimatedBytes(scan.projection());
        if (projected <= 0) {
            return config.scanTaskTargetBytes();
        }
        long perTask = projected / (config.threads() * 4L);
        return Math.max(1L << 20, Math.min(config.scanTaskTargetBytes(), perTask));
    }

    private PhysicalPlan sort(Sort sort, long offset, long limit) {
        PhysicalPlan input = plan(sort.input());
        int width = input.schema().size();
        List<Expr> extra = new ArrayList<>();
        List<SortSpec> keys = new ArrayList<>();
        for (SortKey key : sort.keys()) {
            int column;
            if (key.expr() instanceof ColumnRef ref) {
                column = ref.index();
            } else {
                column = width + extra.size();
                extra.add(key.expr());
            }
            keys.add(new SortSpec(column, key.ascending(), key.nullsFirst()));
        }
        if (extra.isEmpty()) {
            return new SortExec(input, keys, offset, limit);
        }
        PhysicalPlan withKeys = Projections.appendColumns(input, extra);
        return Projections.keepFirst(new SortExec(withKeys, keys, offset, limit), width);
    }

    /** @param codedColumns output columns that should carry dictionary codes (see {@link ScanSpec}) */
    private PhysicalPlan scan(Scan scan, Set<Integer> codedColumns) {
        ScanSpec spec = new ScanSpec(scan.projection(), scan.filters(), config.targetBatchRows(), taskBytes(scan), codedColumns);
        return new ScanExec(scan.source(), spec, scan.source().plan(spec), scan.schema());
    }

    /**
     * The grouping keys of an aggregation that reads a scan directly, by column: the scan then keeps their
     * dictionary codes, which the hash table can group by. Empty when any key or argument is computed (a
     * projection in between makes new vectors, without codes).
     */
    private static Set<Integer> codedKeys(Aggregate aggregate) {
        Set<Integer> keys = new java.util.HashSet<>();
        for (Expr key : aggregate.keys()) {
            if (!(key instanceof ColumnRef ref)) {
                return Set.of();
            }
            keys.add(ref.index());
        }
        for (AggregateCall call : aggregate.aggregates()) {
            for (Expr arg : call.args()) {
                if (!(arg instanceof ColumnRef)) {
                    return Set.of();
                }
            }
        }
        return keys;
    }

    private PhysicalPlan aggregate(Aggregate aggregate) {
        PhysicalPlan input = aggregate.input() instanceof Scan scan ? scan(scan, codedKeys(aggregate)) : plan(aggregate.input());
        // Every key and argument becomes an input column (computed by a projection if needed).
        Map<Expr, Integer> columns = new LinkedHashMap<>();
        boolean computed = false;
        List<Expr> needed = new ArrayList<>(aggregate.keys());
        for (AggregateCall call : aggregate.aggregates()) {
            needed.addAll(call.args());
        }
        for (Expr expr : needed) {
            computed |= !(expr instanceof ColumnRef);
        }
        if (computed) {
            for (Expr expr : needed) {
                columns.putIfAbsent(expr, columns.size());
            }
            List<Field> fields = new ArrayList<>();
            for (Expr expr : columns.keySet()) {
                fields.add(Field.of(expr instanceof ColumnRef ref ? ref.name() : "expr" + fields.size(), expr.type()));
            }
            input = new ProjectExec(input, List.copyOf(columns.keySet()), new Schema(fields));
        } else {
            for (Expr expr : needed) {
                columns.putIfAbsent(expr, ((ColumnRef) expr).index());
            }
        }
        int[] keyColumns = aggregate.keys().stream().mapToInt(columns::get).toArray();
        List<AggregateCall> distinct = aggregate.aggregates().stream().filter(AggregateCall::distinct).toList();
        if (distinct.isEmpty()) {
            List<AggregateSpec> specs = new ArrayList<>();
            for (AggregateCall call : aggregate.aggregates()) {
                int[] inputs = call.args().stream().mapToInt(columns::get).toArray();
                specs.add(new AggregateSpec(call.function(), argumentType(call), call.type(), inputs, false, false));
            }
            return new AggregateExec(input, keyColumns, specs, aggregate.schema());
        }
        return distinctAggregate(aggregate, input, columns, keyColumns, distinct);
    }

    private static dev.spillway.types.DataType argumentType(AggregateCall call) {
        return call.args().isEmpty() ? dev.spillway.types.DataType.BIGINT : call.args().get(0).type();
    }

    /**
     * Aggregates with DISTINCT on one argument x: an inner aggregation groups by (keys, x) and keeps the
     * other aggregates as partial states; the outer one groups by keys, aggregates x plainly (it is now
     * distinct per group) and combines the partial states.
     */
    private PhysicalPlan distinctAggregate(Aggregate aggregate, PhysicalPlan input, Map<Expr, Integer> columns, int[] keyColumns,
            List<AggregateCall> distinct) {
        Expr argument = distinct.get(0).args().get(0);
        for (AggregateCall call : distinct) {
            if (!call.args().get(0).equals(argument)) {
                throw SpillwayException.userError("DISTINCT aggregates over different arguments (%s and %s) in one query are not supported yet",
                        argument, call.args().get(0));
            }
        }
        int keyCount = keyColumns.length;
        int[] innerKeys = new int[keyCount + 1];
        System.arraycopy(keyColumns, 0, innerKeys, 0, keyCount);
        innerKeys[keyCount] = columns.get(argument);
        List<Field> innerKeyFields = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            innerKeyFields.add(aggregate.schema().field(i));
        }
        innerKeyFields.add(Field.of("distinct_argument", argument.type()));
        List<AggregateSpec> innerSpecs = new ArrayList<>();
        for (AggregateCall call : aggregate.aggregates()) {
            if (!call.distinct()) {
                int[] inputs = call.args().stream().mapToInt(columns::get).toArray();
                innerSpecs.add(new AggregateSpec(call.function(), argumentType(call), call.type(), inputs, false, true));
            }
        }
        Schema innerSchema = GroupedAggregation.partialSchema(innerKeyFields, innerSpecs);
        AggregateExec inner = new AggregateExec(input, innerKeys, innerSpecs, innerSchema);
        int[] outerKeys = new int[keyCount];
        for (int i = 0; i < keyCount; i++) {
            outerKeys[i] = i;
        }
        List<AggregateSpec> outerSpecs = new ArrayList<>();
        int stateColumn = keyCount + 1;
        int innerIndex = 0;
        for (AggregateCall call : aggregate.aggregates()) {
            if (call.distinct()) {
                outerSpecs.add(new AggregateSpec(call.function(), argumentType(call), call.type(), new int[] {keyCount}, false, false));
            } else {
                AggregateSpec partial = innerSpecs.get(innerIndex++);
                int states = dev.spillway.exec.aggregate.Accumulators.stateTypes(partial).size();
                int[] inputs = new int[states];
                for (int s = 0; s < states; s++) {
                    inputs[s] = stateColumn++;
                }
                outerSpecs.add(new AggregateSpec(call.function(), argumentType(call), call.type(), inputs, true, false));
            }
        }
        return new AggregateExec(inner, outerKeys, outerSpecs, aggregate.schema());
    }

    /** Whether a join type can run with its sides swapped (see {@link JoinType#swapped}). */
    static boolean swappable(JoinType type) {
        return type.swapped() != null;
    }
}
