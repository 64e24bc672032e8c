package dev.spillway.sql.differential;

import dev.spillway.sql.parse.SqlTokenizer;
import dev.spillway.sql.parse.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Finds a query's own ORDER BY (outside parentheses, so not one of a sub-query or window) and the output
 * columns it sorts by. A key given by position or by output column name maps to that column; when any key
 * is an expression, every column is taken as a key, so the order must then match exactly (such test queries
 * order totally).
 */
final class SortKeys {
    private static final Set<String> ITEM_ENDS = Set.of("LIMIT", "OFFSET", "FETCH");
    private static final Set<String> MODIFIERS = Set.of("ASC", "DESC", "NULLS", "FIRST", "LAST");

    private SortKeys() {}

    /** The key columns, or null when the query does not order its result. */
    static List<Integer> of(String sql, List<String> outputNames) {
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        int orderBy = -1;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("ORDER") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("BY")) {
                orderBy = i + 2;
            }
        }
        if (orderBy < 0) {
            return null;
        }
        List<List<Token>> items = items(tokens, orderBy);
        List<Integer> keys = new ArrayList<>();
        for (List<Token> item : items) {
            Integer column = column(item, outputNames);
            if (column == null) {
                return IntStream.range(0, outputNames.size()).boxed().toList();
            }
            keys.add(column);
        }
        return keys;
    }

    private static List<List<Token>> items(List<Token> tokens, int start) {
        List<List<Token>> items = new ArrayList<>();
        List<Token> item = new ArrayList<>();
        int depth = 0;
        for (int i = start; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (depth == 0 && (token.isSymbol(";") || token.kind() == Token.Kind.WORD && ITEM_ENDS.contains(token.upper()))) {
                break;
            }
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
            if (depth == 0 && token.isSymbol(",")) {
                items.add(item);
                item = new ArrayList<>();
            } else {
                item.add(token);
            }
        }
        items.add(item);
        return items;
    }

    private static Integer column(List<Token> item, List<String> outputNames) {
        List<Token> expression = new ArrayList<>(item);
        while (!expression.isEmpty() && expression.getLast().kind() == Token.Kind.WORD && MODIFIERS.contains(expression.getLast().upper())) {
            expression.removeLast();
        }
        if (expression.size() == 1 && expression.getFirst().kind() == Token.Kind.NUMBER) {
            return Integer.parseInt(expression.getFirst().text()) - 1;
        }
        // A column name, maybe qualified: t.x
        if (expression.size() % 2 == 1 && expression.getLast().isIdentifier()) {
            for (int i = 1; i < expression.size(); i += 2) {
                if (!expression.get(i).isSymbol(".") || !expression.get(i - 1).isIdentifier()) {
                    return null;
                }
            }
            String name = expression.getLast().identifier();
            for (int i = 0; i < outputNames.size(); i++) {
                if (outputNames.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return null;
    }
}
