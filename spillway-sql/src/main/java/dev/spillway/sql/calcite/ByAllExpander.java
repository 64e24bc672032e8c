package dev.spillway.sql.calcite;

import dev.spillway.sql.parse.DialectMarkers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Expands the {@link DialectMarkers} of DuckDB's {@code GROUP BY ALL} and {@code ORDER BY ALL} in a parsed
 * query into select-list ordinals ({@code GROUP BY 1, 2}), which Calcite resolves like any other ordinal.
 *
 * <p>{@code GROUP BY ALL} groups by the select items that contain no aggregate; {@code ORDER BY ALL} orders
 * by every select item, left to right, with the direction written after {@code ALL}.
 */
final class ByAllExpander extends SqlBasicVisitor<Void> {
    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "STDDEV", "STDDEV_SAMP",
            "STDDEV_POP", "VARIANCE", "VAR_SAMP", "VAR_POP", "ANY_VALUE", "BOOL_AND", "BOOL_OR", "EVERY", "SOME", "ARBITRARY",
            "FIRST", "LAST");

    static void expand(SqlNode query) {
        query.accept(new ByAllExpander());
    }

    @Override
    public Void visit(SqlCall call) {
        if (call instanceof SqlSelect select && select.getGroup() != null && isMarker(select.getGroup(), DialectMarkers.GROUP_BY_ALL)) {
            select.setGroupBy(groupByAll(select));
        }
        if (call instanceof SqlSelect select && select.getOrderList() != null) {
            expandOrderByAll(select.getOrderList(), select);
        }
        if (call instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect select) {
            expandOrderByAll(orderBy.orderList, select);
        }
        return super.visit(call);
    }

    private static boolean isMarker(SqlNodeList list, String marker) {
        return list.size() == 1 && isMarkerNode(list.get(0), marker);
    }

    private static boolean isMarkerNode(SqlNode node, String marker) {
        return node instanceof SqlIdentifier identifier && identifier.isSimple() && identifier.getSimple().equals(marker);
    }

    private static SqlNodeList groupByAll(SqlSelect select) {
        SqlNodeList groups = new SqlNodeList(select.getGroup().getParserPosition());
        List<SqlNode> items = selectItems(select, "GROUP BY ALL");
        for (int i = 0; i < items.size(); i++) {
            if (!containsAggregate(items.get(i))) {
                groups.add(ordinal(i + 1, items.get(i).getParserPosition()));
            }
        }
        return groups.isEmpty() ? null : groups;
    }

    private static void expandOrderByAll(SqlNodeList orderList, SqlSelect select) {
        for (int i = 0; i < orderList.size(); i++) {
            SqlNode item = orderList.get(i);
            if (markerInside(item)) {
                List<SqlNode> expanded = new ArrayList<>();
                List<SqlNode> items = selectItems(select, "ORDER BY ALL");
                for (int position = 1; position <= items.size(); position++) {
                    expanded.add(replaceMarker(item, ordinal(position, item.getParserPosition())));
                }
                orderList.remove(i);
                orderList.addAll(i, expanded);
                return;
            }
        }
    }

    /** The marker, possibly wrapped in DESC / NULLS FIRST / NULLS LAST. */
    private static boolean markerInside(SqlNode item) {
        SqlNode inner = item;
        while (inner instanceof SqlBasicCall call && isDirection(call.getKind())) {
            inner = call.operand(0);
        }
        return isMarkerNode(inner, DialectMarkers.ORDER_BY_ALL);
    }

    private static SqlNode replaceMarker(SqlNode item, SqlNode replacement) {
        if (item instanceof SqlBasicCall call && isDirection(call.getKind())) {
            return call.getOperator().createCall(call.getParserPosition(), replaceMarker(call.operand(0), replacement));
        }
        return replacement;
    }

    private static boolean isDirection(SqlKind kind) {
        return kind == SqlKind.DESCENDING || kind == SqlKind.NULLS_FIRST || kind == SqlKind.NULLS_LAST;
    }

    private static List<SqlNode> selectItems(SqlSelect select, String clause) {
        List<SqlNode> items = select.getSelectList().getList();
        for (SqlNode item : items) {
            if (item instanceof SqlIdentifier identifier && identifier.isStar()) {
                throw new SqlPositionedException(item.getParserPosition(), clause + " cannot be combined with * in the select list");
            }
        }
        return items;
    }

    private static SqlNode ordinal(int position, SqlParserPos pos) {
        return SqlLiteral.createExactNumeric(Integer.toString(position), pos);
    }

    private static boolean containsAggregate(SqlNode node) {
        Boolean found = node.accept(new SqlBasicVisitor<Boolean>() {
            @Override
            public Boolean visit(SqlCall call) {
                if (call.getKind() == SqlKind.OVER) {
                    return false;
                }
                if (call.getOperator().isAggregator() || AGGREGATES.contains(call.getOperator().getName().toUpperCase(Locale.ROOT))) {
                    return true;
                }
                if (call.getKind() == SqlKind.SELECT) {
                    return false;
                }
                for (SqlNode operand : call.getOperandList()) {
                    if (operand != null && Boolean.TRUE.equals(operand.accept(this))) {
                        return true;
                    }
                }
                return false;
            }
        });
        return Boolean.TRUE.equals(found);
    }
}
