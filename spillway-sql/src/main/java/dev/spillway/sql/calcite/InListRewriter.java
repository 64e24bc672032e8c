package dev.spillway.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Turns {@code x IN (constant, ...)} into a call of Spillway's {@code IN} function before validation.
 *
 * <p>Calcite validates and converts an IN list element by element into a chain of ORs, which takes most of a
 * second for a few thousand constants; as one call the list costs next to nothing, and it is what the plan
 * wants anyway ({@link dev.spillway.expr.Function#IN}). Lists with anything but constants keep Calcite's route.
 */
final class InListRewriter extends SqlShuttle {
    private static final InListRewriter INSTANCE = new InListRewriter();

    static SqlNode rewrite(SqlNode query) {
        return query.accept(INSTANCE);
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        if (!(visited instanceof SqlCall result) || result.getKind() != SqlKind.IN && result.getKind() != SqlKind.NOT_IN) {
            return visited;
        }
        if (result.operandCount() != 2 || !(result.operand(1) instanceof SqlNodeList list) || list.isEmpty()
                || result.operand(0) instanceof SqlNodeList || !list.stream().allMatch(SqlLiteral.class::isInstance)) {
            return visited;
        }
        List<SqlNode> operands = new ArrayList<>();
        operands.add(result.operand(0));
        operands.addAll(list);
        SqlNode in = SpillwayOperatorTable.IN_LIST.createCall(result.getParserPosition(), operands);
        return result.getKind() == SqlKind.IN ? in : SqlStdOperatorTable.NOT.createCall(result.getParserPosition(), in);
    }
}
