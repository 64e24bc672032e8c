package dev.spillway.sql.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlBinaryOperator;

/**
 * Names result columns as DuckDB does: the alias if there is one, else the column's name, else the
 * expression's text in DuckDB's style ({@code sum(l_quantity)}, {@code (a + b)}, {@code count_star()}).
 * Calcite would name the last kind {@code EXPR$0}, and make repeated names unique ({@code a0}), which
 * DuckDB does not.
 */
public final class OutputNames {
    private static final Pattern GENERATED = Pattern.compile("EXPR\\$\\d+");

    private OutputNames() {}

    /**
     * Names for the columns of a validated query, or {@code fallback} (Calcite's names) where the select list
     * is not found.
     */
    public static List<String> of(SqlNode validated, List<String> fallback) {
        SqlSelect select = outermostSelect(validated);
        if (select == null || select.getSelectList().size() != fallback.size()) {
            return fallback;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fallback.size(); i++) {
            names.add(name(select.getSelectList().get(i), fallback.get(i)));
        }
        return names;
    }

    private static SqlSelect outermostSelect(SqlNode node) {
        return switch (node) {
            case SqlSelect select -> select;
            case SqlOrderBy orderBy -> outermostSelect(orderBy.query);
            case SqlWith with -> outermostSelect(with.body);
            case SqlCall call when call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
                    || call.getKind() == SqlKind.EXCEPT -> outermostSelect(call.operand(0));
            default -> null;
        };
    }

    private static String name(SqlNode item, String fallback) {
        if (item.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) item;
            String alias = ((SqlIdentifier) as.operand(1)).getSimple();
            SqlNode expression = as.operand(0);
            if (GENERATED.matcher(alias).matches()) {
                return render(expression);
            }
            // Calcite makes repeated names unique (a, a0); DuckDB keeps them.
            if (expression instanceof SqlIdentifier identifier && alias.matches(Pattern.quote(last(identifier)) + "\\d+")) {
                return last(identifier);
            }
            return alias;
        }
        if (item instanceof SqlIdentifier identifier) {
            return last(identifier);
        }
        return GENERATED.matcher(fallback).matches() ? render(item) : fallback;
    }

    private static String last(SqlIdentifier identifier) {
        return identifier.names.get(identifier.names.size() - 1);
    }

    /** DuckDB-like text of an expression. */
    static String render(SqlNode node) {
        return switch (node) {
            case SqlIdentifier identifier -> identifier.isStar() ? "*" : last(identifier);
            case SqlCharStringLiteral string -> "'" + string.getValueAs(String.class).replace("'", "''") + "'";
            case SqlLiteral literal -> literal.getKind() == SqlKind.LITERAL && literal.getValue() == null ? "NULL" : literal.toString();
            case SqlDataTypeSpec type -> type.getTypeName().getSimple().toUpperCase(Locale.ROOT);
            case SqlNodeList list -> list.stream().map(OutputNames::render).collect(Collectors.joining(", "));
            case SqlCall call -> renderCall(call);
            default -> node.toString();
        };
    }

    private static String renderCall(SqlCall call) {
        List<SqlNode> operands = call.getOperandList();
        String name = call.getOperator().getName();
        switch (call.getKind()) {
            case CAST:
                return "CAST(" + render(operands.get(0)) + " AS " + render(operands.get(1)) + ")";
            case MINUS_PREFIX:
                return "-(" + render(operands.get(0)) + ")";
            case NOT:
                return "(NOT " + render(operands.get(0)) + ")";
            case IS_NULL, IS_NOT_NULL:
                return "(" + render(operands.get(0)) + " " + name + ")";
            case EXTRACT:
                return "date_part('" + render(operands.get(0)).toLowerCase(Locale.ROOT) + "', " + render(operands.get(1)) + ")";
            default:
                break;
        }
        if (call.getOperator() instanceof SqlBinaryOperator && operands.size() == 2) {
            return "(" + render(operands.get(0)) + " " + name + " " + render(operands.get(1)) + ")";
        }
        String function = name.toLowerCase(Locale.ROOT);
        if (call.getKind() == SqlKind.COUNT && (operands.isEmpty() || operands.get(0) instanceof SqlIdentifier id && id.isStar())) {
            return "count_star()";
        }
        String distinct = call instanceof SqlBasicCall basic && basic.getFunctionQuantifier() != null
                && "DISTINCT".equalsIgnoreCase(basic.getFunctionQuantifier().toValue()) ? "DISTINCT " : "";
        return function + "(" + distinct + operands.stream().map(OutputNames::render).collect(Collectors.joining(", ")) + ")";
    }
}
