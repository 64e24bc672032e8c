package dev.spillway.sql;

import dev.spillway.errors.SpillwayException;
import dev.spillway.plan.Catalog;
import dev.spillway.plan.Limit;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.sql.parse.BoundTables;
import dev.spillway.sql.parse.DialectRewriter;
import dev.spillway.sql.parse.TextPosition;
import dev.spillway.sql.parse.TextRewrite;
import dev.spillway.sql.parse.Token;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans {@code SELECT * FROM t [LIMIT n] [OFFSET m]} (and DuckDB's {@code FROM t ...}) without Calcite.
 *
 * <p>Calcite's classes take about a second to load and initialise in a fresh JVM, while a user peeking at a
 * file ({@code SELECT * FROM 'big.csv' LIMIT 5}) expects an answer at once. The plan is the one the full path
 * produces for these queries (the table's plan under a Limit); anything more is left to Calcite.
 */
final class TrivialQueries {
    private static final Set<String> CLAUSES = Set.of("WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "JOIN", "INNER",
            "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "SEMI", "ANTI", "POSITIONAL", "ASOF", "UNION", "EXCEPT", "INTERSECT",
            "WINDOW", "QUALIFY", "FETCH", "ON", "USING", "TABLESAMPLE", "SAMPLE", "SELECT", "LATERAL");

    private TrivialQueries() {}

    /** The plan of a trivial query, or empty when the query needs the full path. */
    static Optional<LogicalPlan> plan(List<Token> tokens, TextRewrite rewrite, Catalog catalog) {
        int at;
        if (isWord(tokens, 0, "SELECT") && isSymbol(tokens, 1, "*") && isWord(tokens, 2, "FROM")) {
            at = 3;
        } else if (isWord(tokens, 0, "FROM")) {
            at = 1;
        } else {
            return Optional.empty();
        }
        int tableEnd = tableEnd(tokens, at);
        if (tableEnd < 0) {
            return Optional.empty();
        }
        int next = alias(tokens, tableEnd);
        if (next < 0) {
            return Optional.empty();
        }
        long limit = Limit.NO_LIMIT;
        long offset = 0;
        if (isWord(tokens, next, "LIMIT") && isInteger(tokens, next + 1)) {
            limit = Long.parseLong(tokens.get(next + 1).text());
            next += 2;
        }
        if (isWord(tokens, next, "OFFSET") && isInteger(tokens, next + 1)) {
            offset = Long.parseLong(tokens.get(next + 1).text());
            next += 2;
        }
        if (next != tokens.size()) {
            return Optional.empty();
        }
        LogicalPlan plan = table(tokens, at, tableEnd, rewrite, catalog);
        return Optional.of(limit == Limit.NO_LIMIT && offset == 0 ? plan : new Limit(plan, offset, limit));
    }

    /** The end (exclusive) of a file, table function or table name starting at {@code at}, or -1. */
    private static int tableEnd(List<Token> tokens, int at) {
        if (at >= tokens.size()) {
            return -1;
        }
        Token token = tokens.get(at);
        if (token.kind() == Token.Kind.STRING) {
            return at + 1;
        }
        if (!token.isIdentifier() || token.kind() == Token.Kind.WORD && CLAUSES.contains(token.upper())) {
            return -1;
        }
        if (isSymbol(tokens, at + 1, "(")) {
            int depth = 0;
            for (int i = at + 1; i < tokens.size(); i++) {
                if (tokens.get(i).isSymbol("(")) {
                    depth++;
                } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                    return token.kind() == Token.Kind.WORD ? i + 1 : -1;
                }
            }
            return -1;
        }
        return isSymbol(tokens, at + 1, ".") ? -1 : at + 1;
    }

    /** Skips an alias ({@code AS t} or {@code t}) after the table; returns the next token's index, or -1 for a column list. */
    private static int alias(List<Token> tokens, int at) {
        int next = at;
        if (isWord(tokens, next, "AS")) {
            next++;
        }
        if (next < tokens.size() && tokens.get(next).isIdentifier()
                && !(tokens.get(next).kind() == Token.Kind.WORD && CLAUSES.contains(tokens.get(next).upper()))) {
            return isSymbol(tokens, next + 1, "(") ? -1 : next + 1;
        }
        return next == at ? at : -1;
    }

    private static LogicalPlan table(List<Token> tokens, int start, int end, TextRewrite rewrite, Catalog catalog) {
        Token first = tokens.get(start);
        if (first.kind() == Token.Kind.STRING || end - start > 1) {
            // Files and table functions are resolved exactly as the dialect rewriter resolves them.
            BoundTables bound = new BoundTables();
            List<Token> fromClause = tokens.subList(start - 1, end);
            if (!fromClause.get(0).isWord("FROM")) {
                throw new IllegalStateException("expected FROM before the table");
            }
            DialectRewriter.rewrite(fromClause, rewrite, catalog, bound);
            return bound.get(bound.names().get(0)).orElseThrow();
        }
        String name = first.identifier();
        return catalog.view(name).orElseThrow(() -> SpillwayException.userError("%s: table \"%s\" not found",
                TextPosition.of(rewrite.original(), first.start()), name));
    }

    private static boolean isWord(List<Token> tokens, int index, String word) {
        return index < tokens.size() && tokens.get(index).isWord(word);
    }

    private static boolean isSymbol(List<Token> tokens, int index, String symbol) {
        return index < tokens.size() && tokens.get(index).isSymbol(symbol);
    }

    private static boolean isInteger(List<Token> tokens, int index) {
        return index < tokens.size() && tokens.get(index).kind() == Token.Kind.NUMBER && tokens.get(index).text().matches("\\d{1,18}");
    }
}
