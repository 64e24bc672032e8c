package dev.spillway.sql.parse;

import java.util.Locale;

/**
 * One lexical token of SQL text, with its character range in that text.
 *
 * @param kind what the token is
 * @param text the token's characters exactly as written (quotes included)
 * @param start offset of the first character
 * @param end offset just after the last character
 */
public record Token(Kind kind, String text, int start, int end) {
    /** Token kinds; whitespace and comments produce no tokens. */
    public enum Kind {
        /** An unquoted identifier or keyword. */
        WORD,
        /** A double-quoted identifier. */
        QUOTED_IDENTIFIER,
        /** A single-quoted string literal. */
        STRING,
        /** A numeric literal. */
        NUMBER,
        /** Punctuation or an operator: one or more symbol characters ({@code ::}, {@code :=}, {@code <=}, ...). */
        SYMBOL
    }

    /** True for a WORD equal to the keyword, ignoring case. */
    public boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** The identifier's name: a WORD as written, a quoted identifier without quotes. */
    public String identifier() {
        return switch (kind) {
            case WORD -> text;
            case QUOTED_IDENTIFIER -> unquote(text, '"');
            default -> throw new IllegalStateException(this + " is not an identifier");
        };
    }

    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }

    /** The value of a STRING token: quotes removed, doubled quotes undone. */
    public String stringValue() {
        if (kind != Kind.STRING) {
            throw new IllegalStateException(this + " is not a string literal");
        }
        return unquote(text, '\'');
    }

    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    private static String unquote(String quoted, char quote) {
        int end = quoted.length() > 1 && quoted.charAt(quoted.length() - 1) == quote ? quoted.length() - 1 : quoted.length();
        String doubled = String.valueOf(quote) + quote;
        return quoted.substring(1, end).replace(doubled, String.valueOf(quote));
    }

    @Override
    public String toString() {
        return kind + "(" + text + ")@" + start;
    }
}
