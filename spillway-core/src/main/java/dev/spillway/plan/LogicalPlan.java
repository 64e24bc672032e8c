package dev.spillway.plan;

import dev.spillway.types.Schema;
import java.util.List;

/**
 * A relational plan node: immutable, typed, columns referenced by position. The SQL front end and the
 * DataFrame API both build these; the optimizer rewrites them; the physical planner turns them into
 * operators.
 */
public sealed interface LogicalPlan
        permits Scan, Values, Project, Filter, Aggregate, Join, Sort, Limit, UnionAll {
    Schema schema();

    List<LogicalPlan> inputs();

    /** A copy of this node over new inputs with the same schemas. */
    LogicalPlan withInputs(List<LogicalPlan> inputs);
}
