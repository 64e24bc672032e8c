package dev.spillway.exec.plan;

import dev.spillway.types.Schema;
import java.util.List;

/**
 * An executable plan node: immutable, with columns by position, every expression already bound to its
 * input's layout. {@link PipelineBuilder} turns a tree of these into pipelines of running operators.
 */
public sealed interface PhysicalPlan
        permits ScanExec, ValuesExec, ProjectExec, FilterExec, AggregateExec, JoinExec, SortExec, LimitExec, UnionExec {
    Schema schema();

    List<PhysicalPlan> inputs();

    /** One line for EXPLAIN: the operator and its arguments. */
    String describe();
}
