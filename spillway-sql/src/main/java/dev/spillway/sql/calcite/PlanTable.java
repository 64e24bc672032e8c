package dev.spillway.sql.calcite;

import static java.util.Objects.requireNonNull;

import dev.spillway.plan.LogicalPlan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A table as Calcite's validator sees it: the row type of a Spillway plan (a view, a file, a table function).
 * The translator replaces each scan of it by the plan itself.
 */
public final class PlanTable extends AbstractTable {
    private final String name;
    private final LogicalPlan plan;

    public PlanTable(String name, LogicalPlan plan) {
        this.name = requireNonNull(name, "name is null");
        this.plan = requireNonNull(plan, "plan is null");
    }

    public String name() {
        return name;
    }

    public LogicalPlan plan() {
        return plan;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return TypeConversions.toCalcite(plan.schema(), typeFactory);
    }
}
