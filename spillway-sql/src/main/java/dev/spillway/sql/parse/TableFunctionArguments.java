package dev.spillway.sql.parse;

import dev.spillway.errors.SpillwayException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The constant arguments of a table function call such as {@code read_csv('f.csv', delim = ';', header = true)}:
 * positional values, then named options ({@code name = value}, {@code name := value} or {@code name => value}).
 *
 * <p>Values are Java objects: String, Long (integers), Double (other numbers), Boolean, null, or a List of
 * values for {@code ['a.csv', 'b.csv']}. Only constants are allowed: a table function is resolved before the
 * query is planned, because its columns must be known to type the rest of the query.
 */
public record TableFunctionArguments(List<Object> positional, Map<String, Object> named) {
    public TableFunctionArguments {
        positional = Collections.unmodifiableList(new ArrayList<>(positional));
        named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
    }

    /**
     * Parses the tokens between the call's parentheses (exclusive).
     *
     * @param functionName for error messages
     * @param sql the statement text, for error positions
     */
    public static TableFunctionArguments parse(String functionName, List<Token> tokens, String sql) {
        Parser parser = new Parser(functionName, tokens, sql);
        return parser.arguments();
    }

    private static final class Parser {
        private final String functionName;
        private final List<Token> tokens;
        private final String sql;
        private int at;

        Parser(String functionName, List<Token> tokens, String sql) {
            this.functionName = functionName;
            this.tokens = tokens;
            this.sql = sql;
        }

        TableFunctionArguments arguments() {
            List<Object> positional = new ArrayList<>();
            Map<String, Object> named = new LinkedHashMap<>();
            while (at < tokens.size()) {
                Token first = tokens.get(at);
                if (first.isIdentifier() && at + 1 < tokens.size() && isAssignment(tokens.get(at + 1))) {
                    at += 2;
                    String name = first.identifier().toLowerCase(Locale.ROOT);
                    if (named.containsKey(name)) {
                        throw error(first, "option '%s' of %s is given twice", name, functionName);
                    }
                    named.put(name, value());
                } else {
                    if (!named.isEmpty()) {
                        throw error(first, "positional arguments of %s must come before named options", functionName);
                    }
                    positional.add(value());
                }
                if (at < tokens.size()) {
                    Token separator = tokens.get(at);
                    if (!separator.isSymbol(",")) {
                        throw error(separator, "expected ',' between the arguments of %s, found '%s'", functionName, separator.text());
                    }
                    at++;
                    if (at == tokens.size()) {
                        throw error(separator, "missing argument after ',' in %s", functionName);
                    }
                }
            }
            return new TableFunctionArguments(positional, named);
        }

        private static boolean isAssignment(Token token) {
            return token.isSymbol("=") || token.isSymbol(":=") || token.isSymbol("=>");
        }

        private Object value() {
            Token token = tokens.get(at++);
            switch (token.kind()) {
                case STRING:
                    return token.stringValue();
                case NUMBER:
                    return number(token.text(), false);
                case WORD:
                    if (token.isWord("true")) {
                        return Boolean.TRUE;
                    }
                    if (token.isWord("false")) {
                        return Boolean.FALSE;
                    }
                    if (token.isWord("null")) {
                        return null;
                    }
                    break;
                case SYMBOL:
                    if (token.isSymbol("-") && at < tokens.size() && tokens.get(at).kind() == Token.Kind.NUMBER) {
                        return number(tokens.get(at++).text(), true);
                    }
                    if (token.isSymbol("[")) {
                        return list(token);
                    }
                    break;
                default:
                    break;
            }
            throw error(token, "arguments of table function %s must be constants (strings, numbers, booleans or [lists]), found '%s'",
                    functionName, token.text());
        }

        private List<Object> list(Token open) {
            List<Object> values = new ArrayList<>();
            while (true) {
                if (at >= tokens.size()) {
                    throw error(open, "unclosed '[' in the arguments of %s", functionName);
                }
                if (tokens.get(at).isSymbol("]")) {
                    at++;
                    return values;
                }
                values.add(value());
                if (at < tokens.size() && tokens.get(at).isSymbol(",")) {
                    at++;
                }
            }
        }

        private static Object number(String text, boolean negative) {
            String digits = (negative ? "-" : "") + text.replace("_", "");
            if (digits.matches("-?\\d+")) {
                try {
                    return Long.parseLong(digits);
                } catch (NumberFormatException tooBig) {
                    return Double.parseDouble(digits);
                }
            }
            return Double.parseDouble(digits);
        }

        private SpillwayException error(Token token, String format, Object... args) {
            return SpillwayException.userError("%s: %s", TextPosition.of(sql, token.start()), String.format(format, args));
        }
    }
}
