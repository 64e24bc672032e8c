package dev.spillway.sql;

import dev.spillway.api.CopyOptions;
import dev.spillway.api.Statement;
import dev.spillway.errors.SpillwayException;
import dev.spillway.plan.Catalog;
import dev.spillway.plan.LogicalPlan;
import dev.spillway.sql.parse.SqlTokenizer;
import dev.spillway.sql.parse.TextPosition;
import dev.spillway.sql.parse.TextRewrite;
import dev.spillway.sql.parse.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises the statement kind from its first words and parses the statements that are not queries
 * ({@code SET}, {@code RESET}, {@code CREATE VIEW}, {@code DROP VIEW}, {@code EXPLAIN}) itself: they are
 * simple, and DuckDB's forms of them are not Calcite's. The query inside is compiled by
 * {@link QueryCompiler}, with the words before it blanked so that positions stay those of the statement.
 */
final class StatementParser {
    private final String sql;
    private final Catalog catalog;
    private final List<Token> tokens;
    private final TextRewrite rewrite;
    private final boolean fastPath;
    private int at;

    private StatementParser(String sql, Catalog catalog, boolean fastPath) {
        this.sql = sql;
        this.catalog = catalog;
        this.fastPath = fastPath;
        this.rewrite = new TextRewrite(sql);
        this.tokens = withoutTrailingSemicolons(SqlTokenizer.tokenize(sql));
    }

    /** @param fastPath whether trivial queries may skip Calcite ({@link TrivialQueries}); tests compare both paths */
    static Statement parse(String sql, Catalog catalog, boolean fastPath) {
        return new StatementParser(sql, catalog, fastPath).statement();
    }

    private List<Token> withoutTrailingSemicolons(List<Token> all) {
        List<Token> kept = new ArrayList<>(all);
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isSymbol(";")) {
            Token semicolon = kept.remove(kept.size() - 1);
            rewrite.blank(semicolon.start(), semicolon.end());
        }
        for (Token token : kept) {
            if (token.isSymbol(";")) {
                throw error(token, "several statements given where one was expected; split the script into statements first");
            }
        }
        return kept;
    }

    private Statement statement() {
        if (tokens.isEmpty()) {
            throw SpillwayException.userError("empty statement");
        }
        Token first = tokens.get(0);
        String keyword = first.kind() == Token.Kind.WORD ? first.upper() : "";
        return switch (keyword) {
            case "SET" -> set();
            case "RESET" -> reset();
            case "CREATE" -> createView();
            case "DROP" -> dropView();
            case "EXPLAIN" -> explain();
            case "COPY" -> copy();
            default -> new Statement.Query(query());
        };
    }

    private Statement set() {
        at = 1;
        skipScope();
        String name = identifier("a setting name");
        Token assignment = next("'=' or TO");
        if (!assignment.isSymbol("=") && !assignment.isWord("TO")) {
            throw error(assignment, "expected '=' or TO after SET %s, found '%s'", name, assignment.text());
        }
        if (at >= tokens.size()) {
            throw error(assignment, "missing value after SET %s %s", name, assignment.text());
        }
        Token firstValue = tokens.get(at);
        Token lastValue = tokens.get(tokens.size() - 1);
        String value = firstValue == lastValue && firstValue.kind() == Token.Kind.STRING
                ? firstValue.stringValue()
                : sql.substring(firstValue.start(), lastValue.end());
        return new Statement.Set(name, value);
    }

    private Statement reset() {
        at = 1;
        skipScope();
        String name = identifier("a setting name");
        expectEnd();
        return new Statement.Reset(name);
    }

    private void skipScope() {
        if (at < tokens.size() && (tokens.get(at).isWord("SESSION") || tokens.get(at).isWord("GLOBAL") || tokens.get(at).isWord("LOCAL"))) {
            at++;
        }
    }

    private Statement createView() {
        at = 1;
        boolean replace = false;
        if (isWord("OR")) {
            at++;
            expectWord("REPLACE");
            replace = true;
        }
        if (isWord("TEMP") || isWord("TEMPORARY")) {
            at++;
        }
        if (!isWord("VIEW")) {
            throw unsupported(tokens.get(0));
        }
        at++;
        if (isWord("IF")) {
            throw error(tokens.get(at), "CREATE VIEW IF NOT EXISTS is not supported; use CREATE OR REPLACE VIEW");
        }
        String name = identifier("a view name");
        List<String> columns = new ArrayList<>();
        if (at < tokens.size() && tokens.get(at).isSymbol("(")) {
            at++;
            while (true) {
                columns.add(identifier("a column name"));
                Token separator = next("',' or ')'");
                if (separator.isSymbol(")")) {
                    break;
                }
                if (!separator.isSymbol(",")) {
                    throw error(separator, "expected ',' or ')' in the column list of view %s", name);
                }
            }
        }
        expectWord("AS");
        LogicalPlan plan = query();
        if (!columns.isEmpty()) {
            if (columns.size() != plan.schema().size()) {
                throw SpillwayException.userError("view %s names %d columns but its query returns %d", name, columns.size(), plan.schema().size());
            }
            plan = PlanRenamer.rename(plan, columns);
        }
        return new Statement.CreateView(name, plan, replace);
    }

    private Statement dropView() {
        at = 1;
        expectWord("VIEW");
        boolean ifExists = false;
        if (isWord("IF")) {
            at++;
            expectWord("EXISTS");
            ifExists = true;
        }
        String name = identifier("a view name");
        expectEnd();
        return new Statement.DropView(name, ifExists);
    }

    private Statement explain() {
        at = 1;
        boolean analyze = false;
        if (isWord("ANALYZE") || isWord("ANALYSE")) {
            at++;
            analyze = true;
        }
        return new Statement.Explain(query(), analyze);
    }

    /**
     * {@code COPY (query) TO 'path' [WITH] [(option [value], ...)]} or {@code COPY view TO ...}, DuckDB's
     * forms; options are checked by {@link CopyOptions}.
     */
    private Statement copy() {
        at = 1;
        if (at >= tokens.size()) {
            throw SpillwayException.userError("%s: expected (query) or a view name after COPY", TextPosition.of(sql, sql.length()));
        }
        LogicalPlan plan;
        int queryStart = at;
        if (tokens.get(at).isSymbol("(")) {
            int close = matchingParenthesis(at);
            int queryEnd = close;
            at = close + 1;
            expectCopyTo();
            String path = copyPath();
            Map<String, String> options = copyOptions();
            expectEnd();
            at = queryStart + 1;
            plan = query(queryEnd);
            return new Statement.Copy(plan, path, CopyOptions.parse(path, options));
        }
        Token nameToken = tokens.get(at);
        String name = identifier("(query) or a view name");
        plan = catalog.view(name).orElseThrow(() -> error(nameToken, "view %s does not exist; write COPY (SELECT ...) TO 'file'", name));
        expectCopyTo();
        String path = copyPath();
        Map<String, String> options = copyOptions();
        expectEnd();
        return new Statement.Copy(plan, path, CopyOptions.parse(path, options));
    }

    private void expectCopyTo() {
        Token to = next("TO");
        if (to.isWord("FROM")) {
            throw error(to, "COPY ... FROM is not supported; query files directly, e.g. SELECT * FROM 'data.csv'");
        }
        if (!to.isWord("TO")) {
            throw error(to, "expected TO, found '%s'", to.text());
        }
    }

    private String copyPath() {
        Token path = next("the file to write, as a string");
        if (path.kind() != Token.Kind.STRING) {
            throw error(path, "expected the file to write as a quoted string, found '%s'", path.text());
        }
        return path.stringValue();
    }

    /** {@code [WITH] (NAME [value], ...)}; a name without a value maps to null. */
    private Map<String, String> copyOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        if (isWord("WITH")) {
            at++;
        }
        if (at >= tokens.size()) {
            return options;
        }
        Token open = next("(");
        if (!open.isSymbol("(")) {
            throw error(open, "expected the options in parentheses, e.g. (FORMAT parquet), found '%s'", open.text());
        }
        while (true) {
            Token nameToken = tokens.size() > at ? tokens.get(at) : null;
            String name = identifier("an option name");
            String value = null;
            if (at < tokens.size() && !tokens.get(at).isSymbol(",") && !tokens.get(at).isSymbol(")")) {
                Token valueToken = next("a value");
                value = valueToken.kind() == Token.Kind.STRING ? valueToken.stringValue() : valueToken.text();
            }
            if (options.containsKey(name.toUpperCase(Locale.ROOT))) {
                throw error(nameToken, "option %s given twice", name);
            }
            options.put(name.toUpperCase(Locale.ROOT), value);
            Token separator = next("',' or ')'");
            if (separator.isSymbol(")")) {
                return options;
            }
            if (!separator.isSymbol(",")) {
                throw error(separator, "expected ',' or ')' after option %s, found '%s'", name, separator.text());
            }
        }
    }

    private int matchingParenthesis(int open) {
        int close = SqlTokenizer.matchingParenthesis(tokens, open);
        if (close < 0) {
            throw error(tokens.get(open), "unbalanced parenthesis: this '(' is never closed");
        }
        return close;
    }

    /** Compiles the tokens from {@code at} to the end as a query. */
    private LogicalPlan query() {
        return query(tokens.size());
    }

    /** Compiles the tokens from {@code at} to {@code end} (exclusive) as a query; the text around it is blanked. */
    private LogicalPlan query(int end) {
        if (at >= end) {
            throw SpillwayException.userError("%s: missing query", TextPosition.of(sql, at < tokens.size() ? tokens.get(at).start() : sql.length()));
        }
        Token first = tokens.get(at);
        if (!(first.isWord("SELECT") || first.isWord("WITH") || first.isWord("VALUES") || first.isWord("FROM") || first.isSymbol("("))) {
            throw unsupported(first);
        }
        rewrite.blank(0, first.start());
        if (end < tokens.size()) {
            rewrite.blank(tokens.get(end).start(), tokens.get(tokens.size() - 1).end());
        }
        List<Token> queryTokens = tokens.subList(at, end);
        if (fastPath) {
            java.util.Optional<LogicalPlan> trivial = TrivialQueries.plan(queryTokens, rewrite, catalog);
            if (trivial.isPresent()) {
                return trivial.get();
            }
        }
        if (first.isWord("FROM")) {
            // DuckDB's FROM-first shorthand: FROM t is SELECT * FROM t.
            rewrite.replace(first.start(), first.start(), "SELECT * ");
        }
        return QueryCompiler.compile(rewrite, queryTokens, catalog);
    }

    private String identifier(String what) {
        Token token = next(what);
        if (!token.isIdentifier()) {
            throw error(token, "expected %s, found '%s'", what, token.text());
        }
        return token.identifier();
    }

    private Token next(String what) {
        if (at >= tokens.size()) {
            throw SpillwayException.userError("%s: expected %s at the end of the statement", TextPosition.of(sql, sql.length()), what);
        }
        return tokens.get(at++);
    }

    private boolean isWord(String word) {
        return at < tokens.size() && tokens.get(at).isWord(word);
    }

    private void expectWord(String word) {
        Token token = next(word);
        if (!token.isWord(word)) {
            throw error(token, "expected %s, found '%s'", word, token.text());
        }
    }

    private void expectEnd() {
        if (at < tokens.size()) {
            throw error(tokens.get(at), "unexpected '%s' at the end of the statement", tokens.get(at).text());
        }
    }

    private SpillwayException unsupported(Token token) {
        return error(token, "%s statements are not supported (supported: queries, CREATE [OR REPLACE] VIEW, DROP VIEW, SET, RESET, EXPLAIN, COPY ... TO)",
                token.text().toUpperCase(Locale.ROOT));
    }

    private SpillwayException error(Token token, String format, Object... args) {
        return SpillwayException.userError("%s: %s", TextPosition.of(sql, token.start()), String.format(format, args));
    }
}
