package dev.spillway.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits SQL text into tokens, skipping whitespace and comments ({@code --} to end of line, {@code /* *}{@code /}).
 *
 * <p>It knows just enough SQL lexing to tell where quotes and comments are, so that the splitter and the
 * dialect rewriter never mistake a {@code ;} or a {@code FROM} inside a string for syntax. It never fails:
 * an unterminated string, identifier or comment simply runs to the end of the text and the parser reports it.
 */
public final class SqlTokenizer {
    /** Two-character operators kept as one token, so that {@code x::int} and {@code delim := ';'} are recognisable. */
    private static final Set<String> SYMBOL_PAIRS = Set.of("::", ":=", "<=", ">=", "<>", "!=", "==", "=>", "||", "->");

    private SqlTokenizer() {}

    public static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? length : newline + 1;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? length : close + 2;
            } else if (c == '\'') {
                int end = quotedEnd(sql, i, '\'');
                tokens.add(new Token(Token.Kind.STRING, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '"') {
                int end = quotedEnd(sql, i, '"');
                tokens.add(new Token(Token.Kind.QUOTED_IDENTIFIER, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < length && Character.isDigit(sql.charAt(i + 1))) {
                int end = numberEnd(sql, i);
                tokens.add(new Token(Token.Kind.NUMBER, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < length && isWordPart(sql.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.WORD, sql.substring(i, end), i, end));
                i = end;
            } else {
                int end = i + 1;
                if (i + 1 < length && SYMBOL_PAIRS.contains(sql.substring(i, i + 2))) {
                    end = i + 2;
                }
                tokens.add(new Token(Token.Kind.SYMBOL, sql.substring(i, end), i, end));
                i = end;
            }
        }
        return tokens;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Offset just after the closing quote; a doubled quote is an escaped quote. */
    private static int quotedEnd(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int numberEnd(String sql, int start) {
        int i = start;
        int length = sql.length();
        while (i < length && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < length && sql.charAt(i) == '.' && !(i + 1 < length && sql.charAt(i + 1) == '.')) {
            i++;
            while (i < length && Character.isDigit(sql.charAt(i))) {
                i++;
            }
        }
        if (i < length && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < length && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < length && Character.isDigit(sql.charAt(exponent))) {
                i = exponent;
                while (i < length && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    /** The index of the ')' closing the '(' at {@code open}, or -1 when it is never closed. */
    public static int matchingParenthesis(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
