package dev.spillway.bench.compare;

import java.util.Locale;

/** What the harness needs to know about a query's text, found without a SQL parser. */
public final class QueryText {
    private QueryText() {}

    /**
     * True if the query orders its result: an {@code ORDER BY} outside parentheses, so that one in a
     * sub-query or a window ({@code OVER (ORDER BY ...)}) does not count. Comments, string literals and quoted
     * identifiers are skipped.
     */
    public static boolean hasTopLevelOrderBy(String sql) {
        int depth = 0;
        String previousWord = "";
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = endOfLine(sql, i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"') {
                i = endOfQuoted(sql, i, c);
                previousWord = "";
            } else if (c == '(') {
                depth++;
                previousWord = "";
                i++;
            } else if (c == ')') {
                depth--;
                previousWord = "";
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                String word = sql.substring(start, i).toUpperCase(Locale.ROOT);
                if (depth == 0 && previousWord.equals("ORDER") && word.equals("BY")) {
                    return true;
                }
                previousWord = word;
            } else {
                if (!Character.isWhitespace(c)) {
                    previousWord = "";
                }
                i++;
            }
        }
        return false;
    }

    private static int endOfLine(String sql, int from) {
        int end = sql.indexOf('\n', from);
        return end < 0 ? sql.length() : end + 1;
    }

    /** Index after the closing quote; a doubled quote inside is an escaped one. */
    private static int endOfQuoted(String sql, int open, char quote) {
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
}
