package dev.spillway.sql.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/** Calcite's standard SQL-to-Rex conversions, except that casts are told apart: see {@link ImplicitCast}. */
final class SpillwayConvertletTable implements SqlRexConvertletTable {
    static final SpillwayConvertletTable INSTANCE = new SpillwayConvertletTable();

    private SpillwayConvertletTable() {}

    @Override
    public SqlRexConvertlet get(SqlCall call) {
        if (call.getKind() == SqlKind.CAST && call.operandCount() == 2) {
            return ImplicitCast.isImplicit(call) ? ImplicitCast::convertImplicit : ImplicitCast::convertExplicit;
        }
        return StandardConvertletTable.INSTANCE.get(call);
    }
}
