package dev.spillway.exec.plan;

import dev.spillway.data.Batch;
import dev.spillway.data.BatchBuilder;
import dev.spillway.exec.QueryContext;
import dev.spillway.exec.aggregate.HashAggregateSink;
import dev.spillway.exec.join.JoinBuildSink;
import dev.spillway.exec.join.JoinProbeOperator;
import dev.spillway.exec.operator.BatchListSource;
import dev.spillway.exec.operator.FilterOperator;
import dev.spillway.exec.operator.LimitSink;
import dev.spillway.exec.operator.ProjectOperator;
import dev.spillway.exec.operator.ScanSource;
import dev.spillway.exec.pipeline.Pipeline;
import dev.spillway.exec.pipeline.Sink;
import dev.spillway.exec.pipeline.Source;
import dev.spillway.exec.pipeline.StreamingOperator;
import dev.spillway.exec.profile.Profiled;
import dev.spillway.plan.JoinType;
import dev.spillway.types.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Cuts a physical plan into pipelines at its pipeline breakers (aggregation, join build, sort, limit)
 * and creates the per-query operator state. Pipelines are returned in an order that runs every
 * pipeline after those it reads from.
 *
 * <pre>
 *   Sort                       pipeline 3: aggregate output ─ sort sink
 *    └ Aggregate               pipeline 2: scan(a) ─ probe(join) ─ aggregate sink
 *       └ Join                 pipeline 1: scan(b) ─ join build sink
 *          ├ Scan a (probe)    pipeline 4: sort output ─ result sink
 *          └ Scan b (build)
 * </pre>
 */
public final class PipelineBuilder {
    private final QueryContext context;
    private final List<Pipeline> pipelines = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private int operatorCount;

    public PipelineBuilder(QueryContext context) {
        this.context = context;
    }

    /** A source of batches with the operators applied to it, plus whether it carries insertion order. */
    private record Stream(Pipeline.Branch branch, boolean insertionOrdered) {
        Stream then(StreamingOperator operator) {
            List<StreamingOperator> operators = new ArrayList<>(branch.operators());
            operators.add(operator);
            return new Stream(new Pipeline.Branch(branch.source(), operators), insertionOrdered);
        }
    }

    /**
     * Builds every pipeline of the plan; the last one feeds {@code rootSink}, created once it is known
     * whether the root's output has a meaningful insertion order.
     */
    public List<Pipeline> build(PhysicalPlan root, Function<Boolean, Sink> rootSink) {
        List<Stream> streams = streams(root);
        boolean ordered = context.config().preserveInsertionOrder() && streams.stream().allMatch(Stream::insertionOrdered);
        Sink sink = register(rootSink.apply(ordered));
        pipelines.add(new Pipeline("result", streams.stream().map(Stream::branch).toList(), List.of(), sink));
        return List.copyOf(pipelines);
    }

    /** Operators and sinks to close when the query ends, in creation order. */
    public List<AutoCloseable> resources() {
        return List.copyOf(resources);
    }

    private <T extends AutoCloseable> T register(T resource) {
        resources.add(resource);
        return resource;
    }

    /** The operator's name, which is also its memory consumer's; EXPLAIN ANALYZE finds the consumer by it. */
    private String name(PhysicalPlan node, String kind) {
        String name = kind + "#" + (++operatorCount);
        if (context.profile() != null) {
            context.profile().of(node).consumer(name);
        }
        return name;
    }

    private StreamingOperator profiled(PhysicalPlan node, StreamingOperator operator) {
        return context.profile() == null ? operator : Profiled.operator(operator, context.profile().of(node));
    }

    private Sink profiled(PhysicalPlan node, Sink sink) {
        return context.profile() == null ? sink : Profiled.sink(sink, context.profile().of(node));
    }

    private List<Stream> streams(PhysicalPlan node) {
        return switch (node) {
            case ScanExec scan -> {
                context.plannedScan(scan.tasks());
                yield List.of(source(scan, () -> new ScanSource(scan.tasks(), context), scan.source().ordered()));
            }
            case ValuesExec values -> List.of(source(values, () -> valuesSource(values), true));
            case ProjectExec project -> append(project.input(), profiled(project, register(new ProjectOperator(project.exprs(), project.schema()))));
            case FilterExec filter -> append(filter.input(), profiled(filter, register(new FilterOperator(filter.predicate()))));
            case UnionExec union -> {
                List<Stream> all = new ArrayList<>();
                for (PhysicalPlan input : union.inputs()) {
                    all.addAll(streams(input));
                }
                yield all;
            }
            case AggregateExec aggregate -> {
                List<Field> keyFields = new ArrayList<>();
                for (int i = 0; i < aggregate.keyColumns().length; i++) {
                    keyFields.add(aggregate.schema().field(i));
                }
                HashAggregateSink sink = register(new HashAggregateSink(name(aggregate, "HashAggregate"), aggregate.keyColumns(), keyFields,
                        aggregate.aggregates(), aggregate.schema()));
                breaker("aggregate", aggregate.input(), profiled(aggregate, sink));
                yield List.of(source(aggregate, sink::output, false));
            }
            case SortExec sort -> {
                dev.spillway.exec.sort.SortSink sink = register(new dev.spillway.exec.sort.SortSink(
                        name(sort, sort.limit() >= 0 ? "TopN" : "Sort"), sort.schema(), sort.keys(), sort.offset(), sort.limit()));
                breaker("sort", sort.input(), profiled(sort, sink));
                yield List.of(source(sort, sink::output, true));
            }
            case LimitExec limit -> {
                List<Stream> input = streams(limit.input());
                boolean ordered = context.config().preserveInsertionOrder() && input.stream().allMatch(Stream::insertionOrdered);
                LimitSink sink = register(new LimitSink(limit.offset(), limit.limit(), ordered, context));
                pipelines.add(new Pipeline("limit", input.stream().map(Stream::branch).toList(), List.of(), profiled(limit, sink)));
                yield List.of(source(limit, sink::output, true));
            }
            case JoinExec join -> {
                boolean trackMatches = join.type() == JoinType.RIGHT || join.type() == JoinType.FULL;
                JoinBuildSink build = register(new JoinBuildSink(name(join, "HashJoinBuild"), join.build().schema(),
                        join.buildKeys(), trackMatches));
                breaker("join-build", join.build(), profiled(join, build));
                JoinProbeOperator probe = register(new JoinProbeOperator(build, join.type(), join.probeKeys(), join.residual(),
                        join.probe().schema(), join.build().schema(), join.schema()));
                yield append(join.probe(), profiled(join, probe));
            }
        };
    }

    private Stream source(PhysicalPlan node, Supplier<Source> source, boolean insertionOrdered) {
        Supplier<Source> timed = context.profile() == null ? source : () -> Profiled.source(source.get(), context.profile().of(node));
        return new Stream(new Pipeline.Branch(timed, List.of()), insertionOrdered);
    }

    private List<Stream> append(PhysicalPlan input, StreamingOperator operator) {
        return streams(input).stream().map(stream -> stream.then(operator)).toList();
    }

    /** A pipeline that drains {@code input} into {@code sink}; it runs before anything reading the sink. */
    private void breaker(String name, PhysicalPlan input, Sink sink) {
        List<Stream> streams = streams(input);
        pipelines.add(new Pipeline(name, streams.stream().map(Stream::branch).toList(), List.of(), sink));
    }

    private Source valuesSource(ValuesExec values) {
        if (values.rows().isEmpty()) {
            return new BatchListSource(List.of(), true);
        }
        try (BatchBuilder builder = new BatchBuilder(values.schema(), values.rows().size(), context.allocator())) {
            for (List<Object> row : values.rows()) {
                builder.appendRow(row);
            }
            Batch batch = builder.finish(values.rows().size());
            return new BatchListSource(new ArrayList<>(Arrays.asList(batch)), true);
        }
    }
}
