package dev.spillway.sql.translate;

import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.types.Field;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rex.RexSubQuery;

/**
 * What the leaves of a Calcite expression stand for in Spillway terms: each input field ({@code $3}), each
 * field of a correlation variable ({@code $cor0.x}, inside a correlated sub-query), and each sub-query
 * already planned as a join.
 */
record RexScope(List<Expr> inputs, Map<CorrelationId, List<Expr>> correlated, Map<RexSubQuery, Expr> subQueries) {
    RexScope {
        inputs = List.copyOf(inputs);
        correlated = Map.copyOf(correlated);
    }

    /** The columns of {@code schema}, numbered from {@code offset}. */
    static List<Expr> columns(Schema schema, int offset) {
        List<Expr> columns = new ArrayList<>(schema.size());
        for (int i = 0; i < schema.size(); i++) {
            Field field = schema.field(i);
            columns.add(new ColumnRef(offset + i, field.name(), field.type()));
        }
        return columns;
    }

    static RexScope of(Schema schema) {
        return new RexScope(columns(schema, 0), Map.of(), new IdentityHashMap<>());
    }

    RexScope withSubQueries(Map<RexSubQuery, Expr> planned) {
        return new RexScope(inputs, correlated, planned);
    }

    RexScope withCorrelation(CorrelationId id, List<Expr> outerColumns) {
        Map<CorrelationId, List<Expr>> all = new java.util.HashMap<>(correlated);
        all.put(id, outerColumns);
        return new RexScope(inputs, all, subQueries);
    }
}
