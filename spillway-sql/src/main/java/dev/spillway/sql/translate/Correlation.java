package dev.spillway.sql.translate;

import dev.spillway.expr.Expr;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.core.CorrelationId;

/**
 * The outer row a sub-query is correlated with: Calcite's correlation variable, and the outer columns as
 * they appear in lifted coordinates (see {@link Translated}). {@link #NONE} outside correlated sub-queries.
 */
record Correlation(CorrelationId id, List<Expr> outerColumns) {
    static final Correlation NONE = new Correlation(null, List.of());

    boolean active() {
        return id != null;
    }

    int outerSize() {
        return outerColumns.size();
    }

    /** The correlation a node declares for its sub-queries (Calcite allows at most one per node). */
    static CorrelationId single(Set<CorrelationId> variables) {
        return variables.isEmpty() ? null : variables.iterator().next();
    }
}
