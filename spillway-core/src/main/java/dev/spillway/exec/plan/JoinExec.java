package dev.spillway.exec.plan;

import dev.spillway.expr.Expr;
import dev.spillway.plan.JoinType;
import dev.spillway.types.Schema;
import java.util.Arrays;
import java.util.List;

/**
 * A join seen from its probe side: {@code build} is materialized and indexed on {@code buildKeys}, the
 * probe streams through. Without keys it is a nested loop join. Output: probe columns, then build
 * columns (probe columns only for SEMI and ANTI).
 */
public record JoinExec(PhysicalPlan probe, PhysicalPlan build, JoinType type, int[] probeKeys, int[] buildKeys, Expr residual,
        Schema schema) implements PhysicalPlan {
    public JoinExec {
        probeKeys = probeKeys.clone();
        buildKeys = buildKeys.clone();
    }

    @Override
    public List<PhysicalPlan> inputs() {
        return List.of(probe, build);
    }

    @Override
    public String describe() {
        String kind = probeKeys.length == 0 ? "NestedLoopJoin " : "HashJoin ";
        StringBuilder text = new StringBuilder(kind).append(type);
        if (probeKeys.length > 0) {
            text.append(" probe_keys=").append(Arrays.toString(probeKeys)).append(" build_keys=").append(Arrays.toString(buildKeys));
        }
        if (residual != null) {
            text.append(" condition=").append(residual);
        }
        return text.toString();
    }
}
