package dev.spillway.sql.translate;

import dev.spillway.expr.ColumnRef;
import dev.spillway.expr.Expr;
import dev.spillway.expr.Exprs;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.plan.Project;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds projections, merging a projection into the one below it when that cannot duplicate work: when the
 * lower one only selects columns, or the upper one selects each column at most once. Calcite and the
 * sub-query joins leave many such pairs; merging them keeps plans readable without an optimizer pass.
 */
public final class Projections {
    private Projections() {}

    public static LogicalPlan project(LogicalPlan input, List<Expr> exprs, List<String> names) {
        if (input instanceof Project below && (onlyColumns(below.exprs()) || selectsEachOnce(exprs))) {
            List<Expr> inlined = exprs.stream().map(expr -> Exprs.inline(expr, below.exprs())).toList();
            return project(below.input(), inlined, names);
        }
        if (isIdentity(input, exprs, names)) {
            return input;
        }
        return new Project(input, exprs, names);
    }

    private static boolean onlyColumns(List<Expr> exprs) {
        return exprs.stream().allMatch(expr -> expr instanceof ColumnRef);
    }

    private static boolean selectsEachOnce(List<Expr> exprs) {
        Set<Integer> seen = new HashSet<>();
        for (Expr expr : exprs) {
            if (!(expr instanceof ColumnRef ref) || !seen.add(ref.index())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentity(LogicalPlan input, List<Expr> exprs, List<String> names) {
        if (exprs.size() != input.schema().size() || !names.equals(input.schema().names())) {
            return false;
        }
        for (int i = 0; i < exprs.size(); i++) {
            if (!(exprs.get(i) instanceof ColumnRef ref) || ref.index() != i) {
                return false;
            }
        }
        return true;
    }
}
