package dev.spillway.exec.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Supplier;

/**
 * One unit of parallel work: sources (several for UNION ALL branches, each with its own operators),
 * then operators shared by all branches, then one sink. Sources are created when the pipeline starts,
 * because some are the output of a sink that an earlier pipeline filled.
 *
 * <pre>
 *   branch 0: source ─ op ─┐
 *   branch 1: source ──────┼─ shared op ─ shared op ─ sink
 * </pre>
 */
public record Pipeline(String name, List<Branch> branches, List<StreamingOperator> operators, Sink sink) {
    public Pipeline {
        requireNonNull(name, "name is null");
        branches = List.copyOf(requireNonNull(branches, "branches is null"));
        operators = List.copyOf(requireNonNull(operators, "operators is null"));
        requireNonNull(sink, "sink is null");
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs a source");
        }
    }

    /** A source and the operators applied to its batches before the shared part. */
    public record Branch(Supplier<Source> source, List<StreamingOperator> operators) {
        public Branch {
            requireNonNull(source, "source is null");
            operators = List.copyOf(requireNonNull(operators, "operators is null"));
        }
    }
}
