package dev.spillway.sql.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.util.SqlShuttle;

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
     * The select list of the outermost SELECT of a parsed query, deep-copied before validation (which rewrites
     * COALESCE into CASE, qualifies identifiers, ...), or null when there is none to name columns after.
     */
    public static List<SqlNode> capture(SqlNode parsed) {
        SqlSelect select = outermostSelect(parsed);
        if (select == null) {
            return null;
        }
        List<SqlNode> items = new ArrayList<>();
        for (SqlNode item : select.getSelectList()) {
            items.add(item.accept(DeepCopy.INSTANCE));
        }
        return items;
    }

    /**
     * Names for the columns of a query: from its select list as written ({@code original}, see
     * {@link #capture}), with the columns a {@code *} stands for named after the validated select list;
     * Calcite's names ({@code fallback}) where the two cannot be matched up.
     */
    public static List<String> of(List<SqlNode> original, SqlNode validated, List<String> fallback) {
        SqlSelect select = outermostSelect(validated);
        if (original == null || select == null || select.getSelectList().size() != fallback.size()) {
            // A bare VALUES: DuckDB names its columns col0, col1, ...
            List<String> names = new ArrayList<>();
            for (int i = 0; i < fallback.size(); i++) {
                names.add(GENERATED.matcher(fallback.get(i)).matches() ? "col" + i : fallback.get(i));
            }
            return names;
        }
        List<SqlNode> expanded = select.getSelectList().getList();
        long stars = original.stream().filter(OutputNames::isStar).count();
        int starWidth = expanded.size() - (original.size() - (int) stars);
        if (stars > 1 || stars == 0 && starWidth != 0 || starWidth < 0) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < expanded.size(); i++) {
                names.add(validatedName(expanded.get(i), fallback.get(i)));
            }
            return names;
        }
        List<String> names = new ArrayList<>();
        int position = 0;
        for (SqlNode item : original) {
            if (isStar(item)) {
                for (int i = 0; i < starWidth; i++, position++) {
                    names.add(validatedName(expanded.get(position), fallback.get(position)));
                }
            } else {
                names.add(name(item));
                position++;
            }
        }
        return names;
    }

    private static boolean isStar(SqlNode item) {
        return item instanceof SqlIdentifier identifier && identifier.isStar();
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

    /** The name of a select item as written. */
    private static String name(SqlNode item) {
        if (item.getKind() == SqlKind.AS) {
            return ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
        }
        return render(item);
    }

    /** The name of a validated select item that a {@code *} expanded to. */
    private static String validatedName(SqlNode item, String fallback) {
        if (item.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) item;
            String alias = ((SqlIdentifier) as.operand(1)).getSimple();
            // Calcite makes repeated names unique (a, a0); DuckDB keeps them.
            if (as.operand(0) instanceof SqlIdentifier identifier && alias.matches(Pattern.quote(last(identifier)) + "\\d+")) {
                return last(identifier);
            }
            return GENERATED.matcher(alias).matches() ? render(as.operand(0)) : alias;
        }
        if (item instanceof SqlIdentifier identifier) {
            return last(identifier);
        }
        return GENERATED.matcher(fallback).matches() ? render(item) : fallback;
    }

    /** Copies a parse tree so that the validator's in-place rewrites do not reach the copy. */
    private static final class DeepCopy extends SqlShuttle {
        static final DeepCopy INSTANCE = new DeepCopy();

        @Override
        public SqlNode visit(SqlNodeList list) {
            SqlNodeList copy = new SqlNodeList(list.getParserPosition());
            for (SqlNode node : list) {
                copy.add(node == null ? null : node.accept(this));
            }
            return copy;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            org.apache.calcite.sql.util.SqlBasicVisitor.ArgHandler<SqlNode> handler = new CallCopyingArgHandler(call, true);
            call.getOperator().acceptCall(this, call, false, handler);
            return handler.result();
        }
    }

    private static String last(SqlIdentifier identifier) {
        return identifier.names.get(identifier.names.size() - 1);
    }

    static String render(SqlNode node) {
        return DuckDbExpressionText.of(node);
    }
}
