package dev.spillway.sql.translate;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.util.NlsString;

/**
 * The text DuckDB shows for an expression, used as the name of an unnamed result column: {@code (a + b)},
 * {@code sum(x)}, {@code count_star()}, {@code CASE  WHEN ((x > 1)) THEN (1) ELSE 0 END}, {@code (s ~~ 'a%')}.
 * A best effort: common expressions match DuckDB exactly, rarer ones are merely readable.
 */
final class DuckDbExpressionText {
    /** Function names DuckDB quotes because they are keywords. */
    private static final Set<String> QUOTED_FUNCTIONS = Set.of("year", "month", "day", "hour", "minute", "second", "substring",
            "trim", "replace", "nullif", "left", "right", "position", "overlay", "greatest", "least");

    private DuckDbExpressionText() {}

    static String of(SqlNode node) {
        return switch (node) {
            case null -> "NULL";
            case SqlIdentifier identifier -> identifier.isStar() ? "*" : identifier.names.get(identifier.names.size() - 1);
            case SqlCharStringLiteral string -> quote(string.getValueAs(NlsString.class).getValue());
            case SqlNumericLiteral number -> number.toString().toLowerCase(Locale.ROOT);
            case SqlUnknownLiteral typed -> "CAST(" + quote(typed.getValue()) + " AS " + typed.tag.toUpperCase(Locale.ROOT) + ")";
            case SqlLiteral literal -> literal(literal);
            case SqlDataTypeSpec type -> type.toString().toUpperCase(Locale.ROOT);
            case SqlIntervalQualifier qualifier -> qualifier.toString();
            case SqlNodeList list -> list(list.getList());
            case SqlCase caseWhen -> caseWhen(caseWhen);
            case SqlCall call -> call(call);
            default -> node.toString();
        };
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String list(List<SqlNode> nodes) {
        return nodes.stream().map(DuckDbExpressionText::of).collect(Collectors.joining(", "));
    }

    private static String literal(SqlLiteral literal) {
        return switch (literal.getTypeName()) {
            case NULL -> "NULL";
            case BOOLEAN -> String.valueOf(literal.booleanValue());
            case DATE -> "CAST(" + quote(literal.toValue()) + " AS DATE)";
            case TIMESTAMP -> "CAST(" + quote(literal.toValue()) + " AS TIMESTAMP)";
            default -> literal.toString();
        };
    }

    private static String caseWhen(SqlCase caseWhen) {
        StringBuilder text = new StringBuilder("CASE ");
        SqlNode value = caseWhen.getValueOperand();
        for (int i = 0; i < caseWhen.getWhenOperands().size(); i++) {
            SqlNode when = caseWhen.getWhenOperands().get(i);
            String condition = value == null ? of(when) : "(" + of(value) + " = " + of(when) + ")";
            text.append(" WHEN (").append(condition).append(") THEN (").append(of(caseWhen.getThenOperands().get(i))).append(")");
        }
        return text.append(" ELSE ").append(of(caseWhen.getElseOperand())).append(" END").toString();
    }

    private static String call(SqlCall call) {
        List<SqlNode> operands = call.getOperandList();
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        String text = switch (call.getKind()) {
            case CAST -> "CAST(" + of(operands.get(0)) + " AS " + of(operands.get(1)) + ")";
            case MINUS_PREFIX -> "(-(" + of(operands.get(0)) + "))";
            case PLUS_PREFIX -> "(+(" + of(operands.get(0)) + "))";
            case NOT -> "(NOT " + of(operands.get(0)) + ")";
            case IS_NULL -> "(" + of(operands.get(0)) + " IS NULL)";
            case IS_NOT_NULL -> "(" + of(operands.get(0)) + " IS NOT NULL)";
            case EXTRACT -> "date_part(" + datePart(operands.get(0)) + ", " + of(operands.get(1)) + ")";
            case LIKE -> like(call, operands);
            case IN -> "(" + of(operands.get(0)) + " IN (" + of(operands.get(1)) + "))";
            case NOT_IN -> "(NOT (" + of(operands.get(0)) + " IN (" + of(operands.get(1)) + ")))";
            case BETWEEN -> "(" + of(operands.get(0)) + " BETWEEN " + of(operands.get(1)) + " AND " + of(operands.get(2)) + ")";
            case NOT_EQUALS -> binary("!=", operands);
            case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, PLUS, MINUS, TIMES, DIVIDE, MOD, AND, OR ->
                    binary(call.getOperator().getName(), operands);
            case COALESCE -> "COALESCE(" + list(operands) + ")";
            case TRIM -> trim(operands);
            case FILTER -> of(operands.get(0)) + " FILTER (WHERE " + of(operands.get(1)) + ")";
            case AS -> of(operands.get(0));
            default -> null;
        };
        if (text != null) {
            return text;
        }
        if (name.equals("coalesce")) {
            return "COALESCE(" + list(operands) + ")";
        }
        if (name.equals("||")) {
            return binary("||", operands);
        }
        if (name.equals("count") && (operands.isEmpty() || operands.get(0) instanceof SqlIdentifier id && id.isStar())) {
            return "count_star()";
        }
        String distinct = call instanceof SqlBasicCall basic && basic.getFunctionQuantifier() != null
                && "DISTINCT".equalsIgnoreCase(basic.getFunctionQuantifier().toValue()) ? "DISTINCT " : "";
        String function = QUOTED_FUNCTIONS.contains(name) ? "\"" + name + "\"" : name;
        return function + "(" + distinct + list(operands) + ")";
    }

    /** {@code extract(year FROM d)} names the part 'YEAR'; {@code date_part('year', d)} keeps the string. */
    private static String datePart(SqlNode part) {
        return part instanceof SqlCharStringLiteral ? of(part) : quote(of(part).toUpperCase(Locale.ROOT));
    }

    private static String binary(String operator, List<SqlNode> operands) {
        return "(" + of(operands.get(0)) + " " + operator + " " + of(operands.get(1)) + ")";
    }

    private static String like(SqlCall call, List<SqlNode> operands) {
        String operator = switch (call.getOperator().getName()) {
            case "NOT LIKE" -> "!~~";
            case "ILIKE" -> "~~*";
            case "NOT ILIKE" -> "!~~*";
            default -> "~~";
        };
        return binary(operator, operands);
    }

    private static String trim(List<SqlNode> operands) {
        SqlTrimFunction.Flag flag = ((SqlLiteral) operands.get(0)).getValueAs(SqlTrimFunction.Flag.class);
        String function = switch (flag) {
            case BOTH -> "\"trim\"";
            case LEADING -> "ltrim";
            case TRAILING -> "rtrim";
        };
        SqlNode characters = operands.get(1);
        boolean spaces = characters instanceof SqlCharStringLiteral string && string.getValueAs(NlsString.class).getValue().equals(" ");
        return function + "(" + of(operands.get(2)) + (spaces ? "" : ", " + of(characters)) + ")";
    }
}
