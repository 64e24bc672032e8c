package dev.spillway.sql.translate;

import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexVisitorImpl;

/** Small questions about Calcite expressions. */
final class RexUtilAccess {
    private RexUtilAccess() {}

    static boolean containsSubQuery(RexNode node) {
        boolean[] found = {false};
        node.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitSubQuery(RexSubQuery subQuery) {
                found[0] = true;
                return null;
            }
        });
        return found[0];
    }

    /** Whether the expression reads a correlation variable (outside any sub-query it contains). */
    static boolean containsCorrelation(RexNode node) {
        boolean[] found = {false};
        node.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitCorrelVariable(RexCorrelVariable variable) {
                found[0] = true;
                return null;
            }
        });
        return found[0];
    }
}
