package dev.spillway.plan;

import static java.util.Objects.requireNonNull;

import dev.spillway.expr.Expr;
import dev.spillway.io.TableSource;
import dev.spillway.types.Schema;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads a table source. {@code projection} lists source columns to produce; {@code filters} are conjuncts
 * over the source schema handed to the source for skipping (they are applied exactly by a Filter above).
 */
public record Scan(TableSource source, List<Integer> projection, List<Expr> filters) implements LogicalPlan {
    public Scan {
        requireNonNull(source, "source is null");
        projection = List.copyOf(requireNonNull(projection, "projection is null"));
        filters = List.copyOf(requireNonNull(filters, "filters is null"));
    }

    public static Scan of(TableSource source) {
        return new Scan(source, IntStream.range(0, source.schema().size()).boxed().toList(), List.of());
    }

    @Override
    public Schema schema() {
        return source.schema().select(projection);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of();
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        return this;
    }
}
