package dev.spillway.sql.calcite;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * What SQL Calcite accepts: Babel's lenient dialect (GROUP BY and ORDER BY by alias or position, {@code !=},
 * {@code %}, {@code SELECT} without {@code FROM}, select-list aliases usable later in the list), minus what
 * DuckDB rejects: selecting columns that are neither grouped nor aggregated, and MySQL's {@code LIMIT a, b}.
 */
final class DuckDbConformance extends SqlDelegatingConformance {
    static final DuckDbConformance INSTANCE = new DuckDbConformance();

    private DuckDbConformance() {
        super(SqlConformanceEnum.BABEL);
    }

    @Override
    public boolean isNonStrictGroupBy() {
        return false;
    }

    @Override
    public boolean isLimitStartCountAllowed() {
        return false;
    }

    @Override
    public boolean isApplyAllowed() {
        return false;
    }
}
