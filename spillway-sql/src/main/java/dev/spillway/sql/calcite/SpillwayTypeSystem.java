package dev.spillway.sql.calcite;

import dev.spillway.types.DataType;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type limits set to DuckDB's: decimals up to precision 38, plain {@code DECIMAL} meaning
 * DECIMAL(18,3), and interval literals such as {@code INTERVAL '100' DAY} accepted without an explicit
 * leading precision. Result types of expressions are not taken from Calcite (the translator re-derives them
 * with DuckDB's rules); these limits only keep Calcite's validator from rejecting what DuckDB accepts.
 */
public final class SpillwayTypeSystem extends RelDataTypeSystemImpl {
    public static final SpillwayTypeSystem INSTANCE = new SpillwayTypeSystem();
    private static final int DUCKDB_DEFAULT_DECIMAL_PRECISION = 18;
    private static final int DUCKDB_DEFAULT_DECIMAL_SCALE = 3;

    private SpillwayTypeSystem() {}

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? DataType.MAX_DECIMAL_PRECISION : super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? DataType.MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        if (typeName == SqlTypeName.DECIMAL) {
            return DUCKDB_DEFAULT_DECIMAL_PRECISION;
        }
        if (typeName.getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_YEAR_MONTH
                || typeName.getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME) {
            return SqlTypeName.MAX_INTERVAL_START_PRECISION;
        }
        return super.getDefaultPrecision(typeName);
    }

    @Override
    public int getDefaultScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? DUCKDB_DEFAULT_DECIMAL_SCALE : super.getDefaultScale(typeName);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
