package dev.spillway.sql.parse;

import dev.spillway.errors.SpillwayException;
import dev.spillway.plan.Catalog;
import dev.spillway.plan.LogicalPlan;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Rewrites the DuckDB syntax Calcite cannot parse into syntax it can, working on tokens so that quotes and
 * comments are never misread, and recording every edit so that error positions map back to the user's text.
 *
 * <ul>
 *   <li>{@code FROM 'data/*.parquet'}: a string where a table is expected is a file; it is resolved with
 *       {@link Catalog#file} and replaced by a generated table name (see {@link BoundTables}), aliased like the
 *       file's name ({@code 'x/lineitem.parquet'} is {@code lineitem}) unless an alias follows.</li>
 *   <li>{@code FROM range(10)}, {@code read_csv('f.csv', delim = ';')}: a call where a table is expected is a
 *       table function with constant arguments, resolved with {@link Catalog#tableFunction} the same way and
 *       aliased like the function.</li>
 *   <li>{@code GROUP BY ALL} and {@code ORDER BY ALL}: replaced by {@link DialectMarkers} that the Calcite layer
 *       expands once the select list is parsed.</li>
 *   <li>{@code INTERVAL 3 MONTHS}, {@code INTERVAL '3 months'}: rewritten to {@code INTERVAL '3' MONTH}.</li>
 *   <li>{@code date}, {@code range}, ... used as column names: quoted, since Calcite reserves these words.</li>
 * </ul>
 *
 * <p>Where a table is expected is tracked per parenthesis level: after {@code FROM}, after {@code JOIN}, and
 * after a comma of a FROM list. Parentheses of function calls and expressions are their own levels, so the
 * {@code FROM} of {@code extract(year FROM d)} or {@code substring(s FROM 1)} does not count.
 */
public final class DialectRewriter {
    /** Keywords that end a FROM clause at their level. */
    private static final Set<String> CLAUSES_AFTER_FROM = Set.of("WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET",
            "QUALIFY", "WINDOW", "UNION", "EXCEPT", "INTERSECT", "SELECT", "FETCH", "VALUES");
    /** Words that may follow a table reference without being its alias. */
    private static final Set<String> NOT_ALIASES = Set.of("WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "QUALIFY",
            "WINDOW", "UNION", "EXCEPT", "INTERSECT", "FETCH", "ON", "USING", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS",
            "NATURAL", "SEMI", "ANTI", "POSITIONAL", "ASOF", "LATERAL", "TABLESAMPLE", "SELECT", "OUTER");
    /** Words followed by a parenthesis in table position that are syntax, not table functions. */
    private static final Set<String> NOT_TABLE_FUNCTIONS = Set.of("LATERAL", "TABLE", "UNNEST", "SELECT", "VALUES", "WITH");
    /** Words that may precede a parenthesised query starting with FROM (DuckDB's FROM-first syntax). */
    private static final Set<String> BEFORE_SUBQUERY = Set.of("IN", "EXISTS", "AS", "ALL", "ANY", "SOME", "FROM", "JOIN");
    /**
     * Words Calcite reserves that DuckDB lets name columns ({@code SELECT range FROM range(3)}, a column
     * {@code date} of a CSV file). Where they are used as names they are quoted.
     */
    private static final Set<String> NAMES_CALCITE_RESERVES = Set.of("DATE", "TIME", "TIMESTAMP", "RANGE", "USER");
    /** Words after which {@code GROUP BY ALL} or {@code ORDER BY ALL} has ended. */
    private static final Set<String> AFTER_BY_ALL = Set.of("HAVING", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT",
            "WINDOW", "QUALIFY", "FETCH", "ASC", "DESC", "NULLS");

    private final String sql;
    private final List<Token> tokens;
    private final TextRewrite rewrite;
    private final Catalog catalog;
    private final BoundTables tables;

    private DialectRewriter(String sql, List<Token> tokens, TextRewrite rewrite, Catalog catalog, BoundTables tables) {
        this.sql = sql;
        this.tokens = tokens;
        this.rewrite = rewrite;
        this.catalog = catalog;
        this.tables = tables;
    }

    /** One parenthesis level: a query (with clauses) or anything else (a call, a list, an expression). */
    private static final class Level {
        final boolean query;
        /** Whether the level is the parentheses of CAST or TRY_CAST, where AS is followed by a type. */
        boolean cast;
        boolean inFrom;
        boolean expectTable;

        Level(boolean query) {
            this.query = query;
        }
    }

    /**
     * Records the rewrites of the query {@code tokens} (tokens of {@code rewrite.original()}) in {@code rewrite},
     * resolving files and table functions into {@code tables}.
     */
    public static void rewrite(List<Token> tokens, TextRewrite rewrite, Catalog catalog, BoundTables tables) {
        new DialectRewriter(rewrite.original(), tokens, rewrite, catalog, tables).run();
    }

    private void run() {
        Deque<Level> levels = new ArrayDeque<>();
        levels.push(new Level(true));
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Level level = levels.peek();
            if (token.isWord("INTERVAL")) {
                i = rewriteInterval(i);
                continue;
            }
            if (level.expectTable) {
                level.expectTable = false;
                if (token.kind() == Token.Kind.STRING) {
                    bindFile(i);
                    continue;
                }
                if (token.kind() == Token.Kind.WORD && isSymbol(i + 1, "(") && !NOT_TABLE_FUNCTIONS.contains(token.upper())) {
                    i = bindTableFunction(i);
                    continue;
                }
                if (token.isWord("LATERAL")) {
                    level.expectTable = true;
                    continue;
                }
                if (token.isSymbol("(")) {
                    Level inner = new Level(true);
                    if (!startsQuery(i)) {
                        // A parenthesised join: its first item is a table too.
                        inner.inFrom = true;
                        inner.expectTable = true;
                    }
                    levels.push(inner);
                    continue;
                }
            }
            if (token.kind() == Token.Kind.WORD && NAMES_CALCITE_RESERVES.contains(token.upper()) && isName(i, level)) {
                rewrite.replace(token.start(), token.end(), quoted(token.text()));
                continue;
            }
            if (token.isSymbol("(")) {
                Level inner = new Level(startsQuery(i));
                inner.cast = i > 0 && (tokens.get(i - 1).isWord("CAST") || tokens.get(i - 1).isWord("TRY_CAST"));
                levels.push(inner);
            } else if (token.isSymbol(")")) {
                if (levels.size() > 1) {
                    levels.pop();
                }
            } else if (level.query && token.kind() == Token.Kind.WORD) {
                String word = token.upper();
                if (word.equals("FROM")) {
                    level.inFrom = true;
                    level.expectTable = true;
                } else if (word.equals("JOIN")) {
                    level.expectTable = level.inFrom;
                } else if (CLAUSES_AFTER_FROM.contains(word)) {
                    level.inFrom = false;
                    if ((word.equals("GROUP") || word.equals("ORDER")) && isWord(i + 1, "BY") && isWord(i + 2, "ALL") && endsByAll(i + 3)) {
                        Token all = tokens.get(i + 2);
                        rewrite.replace(all.start(), all.end(), quoted(word.equals("GROUP") ? DialectMarkers.GROUP_BY_ALL : DialectMarkers.ORDER_BY_ALL));
                        i += 2;
                    }
                }
            } else if (level.query && token.isSymbol(",") && level.inFrom) {
                level.expectTable = true;
            }
        }
    }

    /**
     * Whether a word Calcite reserves is used as a name here: not a typed literal ({@code DATE '2020-01-01'}),
     * not a call ({@code range(3)}), not a type ({@code x::date}, {@code CAST(x AS date)}).
     */
    private boolean isName(int index, Level level) {
        if (index + 1 < tokens.size() && (tokens.get(index + 1).kind() == Token.Kind.STRING || tokens.get(index + 1).isSymbol("("))) {
            return false;
        }
        if (index > 0 && (tokens.get(index - 1).isSymbol("::") || level.cast && tokens.get(index - 1).isWord("AS"))) {
            return false;
        }
        return true;
    }

    /** Whether the parenthesis at {@code open} starts a subquery rather than a call or expression. */
    private boolean startsQuery(int open) {
        if (isWord(open + 1, "SELECT") || isWord(open + 1, "WITH") || isWord(open + 1, "VALUES")) {
            return true;
        }
        if (isWord(open + 1, "FROM")) {
            // DuckDB's FROM-first query, unless this is a call such as trim(FROM s).
            Token before = open > 0 ? tokens.get(open - 1) : null;
            return before == null || before.kind() != Token.Kind.WORD || BEFORE_SUBQUERY.contains(before.upper());
        }
        return false;
    }

    private boolean endsByAll(int next) {
        if (next >= tokens.size()) {
            return true;
        }
        Token token = tokens.get(next);
        return token.isSymbol(")") || token.isSymbol(";") || token.kind() == Token.Kind.WORD && AFTER_BY_ALL.contains(token.upper());
    }

    private void bindFile(int index) {
        Token token = tokens.get(index);
        String path = token.stringValue();
        LogicalPlan plan = resolve(token, () -> catalog.file(path));
        String name = tables.add(plan);
        String alias = hasAlias(index + 1) ? "" : aliasClause(fileStem(path));
        rewrite.replace(token.start(), token.end(), quoted(name) + alias);
    }

    private int bindTableFunction(int index) {
        Token nameToken = tokens.get(index);
        int close = matchingParenthesis(index + 1);
        String name = nameToken.text().toLowerCase(Locale.ROOT);
        TableFunctionArguments arguments = TableFunctionArguments.parse(name, tokens.subList(index + 2, close), sql);
        LogicalPlan plan = resolve(nameToken, () -> catalog.tableFunction(name, arguments.positional(), arguments.named()));
        String generated = tables.add(plan);
        String alias = hasAlias(close + 1) ? "" : aliasClause(name);
        rewrite.replace(nameToken.start(), tokens.get(close).end(), quoted(generated) + alias);
        return close;
    }

    private int matchingParenthesis(int open) {
        int close = SqlTokenizer.matchingParenthesis(tokens, open);
        if (close < 0) {
            throw SpillwayException.userError("%s: unclosed '('", TextPosition.of(sql, tokens.get(open).start()));
        }
        return close;
    }

    /** Calls the catalog, putting the position of the table reference in front of its errors. */
    private LogicalPlan resolve(Token token, Supplier<LogicalPlan> lookup) {
        try {
            return lookup.get();
        } catch (SpillwayException e) {
            throw new SpillwayException(e.kind(), TextPosition.of(sql, token.start()) + ": " + e.getMessage(), e);
        }
    }

    private boolean hasAlias(int index) {
        if (index >= tokens.size()) {
            return false;
        }
        Token token = tokens.get(index);
        return token.kind() == Token.Kind.QUOTED_IDENTIFIER
                || token.kind() == Token.Kind.WORD && (token.isWord("AS") || !NOT_ALIASES.contains(token.upper()));
    }

    private static String aliasClause(String alias) {
        return alias.isEmpty() ? "" : " AS " + quoted(alias);
    }

    private static String fileStem(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        return stem.matches("[A-Za-z_][A-Za-z0-9_]*") ? stem : "";
    }

    /**
     * {@code INTERVAL 3 DAYS}, {@code INTERVAL '3 days'} and {@code INTERVAL '3' DAYS} become
     * {@code INTERVAL '3' DAY}; weeks and quarters become days and months. Returns the last token consumed.
     */
    private int rewriteInterval(int index) {
        if (index + 1 >= tokens.size()) {
            return index;
        }
        Token value = tokens.get(index + 1);
        Token unitToken = index + 2 < tokens.size() ? tokens.get(index + 2) : null;
        if (unitToken != null && isWord(index + 3, "TO")) {
            return index; // a standard DAY TO SECOND style qualifier: Calcite parses it
        }
        String unit = unitToken != null && unitToken.kind() == Token.Kind.WORD ? IntervalUnits.normalize(unitToken.text()) : null;
        if (value.kind() == Token.Kind.NUMBER && unit != null) {
            rewrite.replace(value.start(), unitToken.end(), IntervalUnits.literal(value.text(), unit));
            return index + 2;
        }
        if (value.kind() == Token.Kind.STRING && unit != null) {
            if (!unit.equals(unitToken.upper()) || !value.stringValue().trim().matches("-?\\d+")) {
                rewrite.replace(value.start(), unitToken.end(), IntervalUnits.literal(value.stringValue().trim(), unit));
            }
            return index + 2;
        }
        if (value.kind() == Token.Kind.STRING) {
            String[] parts = value.stringValue().trim().split("\\s+");
            String partUnit = parts.length == 2 ? IntervalUnits.normalize(parts[1]) : null;
            if (partUnit != null && parts[0].matches("-?\\d+")) {
                rewrite.replace(value.start(), value.end(), IntervalUnits.literal(parts[0], partUnit));
            }
            return index + 1;
        }
        return index;
    }

    private boolean isWord(int index, String word) {
        return index < tokens.size() && tokens.get(index).isWord(word);
    }

    private boolean isSymbol(int index, String symbol) {
        return index < tokens.size() && tokens.get(index).isSymbol(symbol);
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
