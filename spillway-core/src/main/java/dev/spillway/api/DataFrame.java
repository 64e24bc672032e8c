package dev.spillway.api;

import static java.util.Objects.requireNonNull;

import dev.spillway.data.Batch;
import dev.spillway.data.Values;
import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.expr.Function;
import dev.spillway.expr.Functions;
import dev.spillway.plan.Aggregate;
import dev.spillway.plan.Filter;
import dev.spillway.plan.Join;
import dev.spillway.plan.JoinType;
import dev.spillway.plan.Limit;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Project;
import dev.spillway.plan.Sort;
import dev.spillway.plan.SortKey;
import dev.spillway.plan.UnionAll;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A lazy query: an immutable logical plan plus the session that will run it. Transformations return
 * new DataFrames and run nothing; {@link #collect}, {@link #stream}, {@link #count} and {@link #show}
 * execute. SQL ({@link Session#sql}) and these methods build the same plans.
 */
public final class DataFrame {
    private final Session session;
    private final LogicalPlan plan;

    DataFrame(Session session, LogicalPlan plan) {
        this.session = requireNonNull(session, "session is null");
        this.plan = requireNonNull(plan, "plan is null");
    }

    Session session() {
        return session;
    }

    public LogicalPlan logicalPlan() {
        return plan;
    }

    public Schema schema() {
        return plan.schema();
    }

    public DataFrame select(Column... columns) {
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Column column : columns) {
            exprs.add(column.bind(plan.schema()));
            names.add(column.name());
        }
        return new DataFrame(session, new Project(plan, exprs, names));
    }

    public DataFrame select(String... columns) {
        return select(Arrays.stream(columns).map(Expressions::col).toArray(Column[]::new));
    }

    /** All current columns plus (or replacing) one named column. */
    public DataFrame withColumn(String name, Column column) {
        Schema schema = plan.schema();
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean replaced = false;
        for (int i = 0; i < schema.size(); i++) {
            if (schema.field(i).name().equals(name)) {
                exprs.add(column.bind(schema));
                replaced = true;
            } else {
                exprs.add(new ColumnRef(i, schema.field(i).name(), schema.type(i)));
            }
            names.add(schema.field(i).name());
        }
        if (!replaced) {
            exprs.add(column.bind(schema));
            names.add(name);
        }
        return new DataFrame(session, new Project(plan, exprs, names));
    }

    public DataFrame filter(Column condition) {
        return new DataFrame(session, new Filter(plan, condition.bind(plan.schema())));
    }

    public DataFrame where(Column condition) {
        return filter(condition);
    }

    public GroupedDataFrame groupBy(Column... keys) {
        return new GroupedDataFrame(this, List.of(keys));
    }

    public GroupedDataFrame groupBy(String... keys) {
        return groupBy(Arrays.stream(keys).map(Expressions::col).toArray(Column[]::new));
    }

    /** Aggregates over all rows (one result row). */
    public DataFrame agg(Column... aggregates) {
        return new DataFrame(session, GroupedDataFrame.aggregate(plan, List.of(), List.of(aggregates)));
    }

    /** Equi-join on columns with the same names on both sides; the right copies of them are dropped. */
    public DataFrame join(DataFrame right, List<String> usingColumns, JoinType type) {
        Schema leftSchema = plan.schema();
        Schema rightSchema = right.plan.schema();
        int leftWidth = leftSchema.size();
        List<Expr> equalities = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        for (String name : usingColumns) {
            int l = leftSchema.require(name);
            int r = rightSchema.require(name);
            equalities.add(Functions.call(Function.EQUAL, new ColumnRef(l, name, leftSchema.type(l)),
                    new ColumnRef(leftWidth + r, name, rightSchema.type(r))));
            dropped.add(leftWidth + r);
        }
        Join join = new Join(plan, right.plan, type, Exprs.and(equalities));
        if (!type.outputsRight()) {
            return new DataFrame(session, join);
        }
        Schema joined = join.schema();
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < joined.size(); i++) {
            if (!dropped.contains(i)) {
                exprs.add(new ColumnRef(i, joined.field(i).name(), joined.type(i)));
                names.add(joined.field(i).name());
            }
        }
        return new DataFrame(session, new Project(join, exprs, names));
    }

    /** Join on a condition over the left columns followed by the right columns. */
    public DataFrame join(DataFrame right, Column condition, JoinType type) {
        Schema both = plan.schema().concat(right.plan.schema());
        return new DataFrame(session, new Join(plan, right.plan, type, condition.bind(both)));
    }

    public DataFrame crossJoin(DataFrame right) {
        return new DataFrame(session, new Join(plan, right.plan, JoinType.INNER, dev.spillway.expr.Literal.of(true)));
    }

    public DataFrame sort(Column.SortOrder... orders) {
        List<SortKey> keys = new ArrayList<>();
        for (Column.SortOrder order : orders) {
            keys.add(new SortKey(order.column().bind(plan.schema()), order.ascending(), order.nullsFirst()));
        }
        return new DataFrame(session, new Sort(plan, keys));
    }

    public DataFrame sort(String... columns) {
        return sort(Arrays.stream(columns).map(c -> Expressions.col(c).asc()).toArray(Column.SortOrder[]::new));
    }

    public DataFrame limit(long rows) {
        return new DataFrame(session, new Limit(plan, 0, rows));
    }

    public DataFrame offset(long rows) {
        return new DataFrame(session, new Limit(plan, rows, Limit.NO_LIMIT));
    }

    public DataFrame distinct() {
        Schema schema = plan.schema();
        List<Expr> keys = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            keys.add(new ColumnRef(i, schema.field(i).name(), schema.type(i)));
        }
        return new DataFrame(session, new Aggregate(plan, keys, schema.names(), List.of()));
    }

    public DataFrame unionAll(DataFrame other) {
        if (!other.plan.schema().types().equals(plan.schema().types())) {
            throw SpillwayException.userError("UNION ALL inputs have different column types: %s and %s", plan.schema().types(), other.plan.schema().types());
        }
        return new DataFrame(session, new UnionAll(List.of(plan, other.plan), plan.schema()));
    }

    /** Runs the query and streams its batches; the caller closes each batch and the stream. */
    public BatchStream stream() {
        return session.execute(plan);
    }

    /** Runs the query and returns all rows as Java values. */
    public QueryResult collect() {
        List<List<Object>> rows = new ArrayList<>();
        Schema schema = plan.schema();
        try (BatchStream stream = stream()) {
            while (stream.hasNext()) {
                try (Batch batch = stream.next()) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        List<Object> row = new ArrayList<>(schema.size());
                        for (int c = 0; c < schema.size(); c++) {
                            row.add(Values.get(batch.column(c), schema.type(c), r));
                        }
                        rows.add(row);
                    }
                }
            }
        }
        return new QueryResult(schema, rows);
    }

    /**
     * Runs the query and writes its rows to a file, streaming (memory does not grow with the result);
     * the file appears only once complete. As SQL's {@code COPY (query) TO 'path' (options)}.
     *
     * @return the number of rows written
     */
    public long write(String path, CopyOptions options) {
        return CopyTo.run(session, plan, path, options);
    }

    /** {@link #write} as Parquet (SNAPPY). */
    public long writeParquet(String path) {
        return write(path, CopyOptions.parquet());
    }

    /** {@link #write} as CSV with a header line. */
    public long writeCsv(String path) {
        return write(path, CopyOptions.csv());
    }

    public long count() {
        QueryResult result = new DataFrame(session, GroupedDataFrame.aggregate(plan, List.of(), List.of(Expressions.countStar()))).collect();
        return (Long) result.get(0, 0);
    }

    public void show() {
        show(20);
    }

    public void show(int rows) {
        System.out.print(limit(rows).collect().toString());
    }

    /** The optimized logical plan and the physical plan, as text. */
    public String explain() {
        return session.explain(plan);
    }

    /** Runs the query (discarding its rows) and returns the plan with each operator's rows, time, memory and spilling. */
    public String explainAnalyze() {
        return session.explainAnalyze(plan);
    }

    @Override
    public String toString() {
        return "DataFrame" + plan.schema();
    }
}
