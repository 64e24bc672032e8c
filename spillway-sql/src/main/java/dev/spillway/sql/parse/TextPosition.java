package dev.spillway.sql.parse;

/** A 1-based line and column in SQL text, as shown to users. */
public record TextPosition(int line, int column) {
    /** The position of {@code offset} in {@code text}. */
    public static TextPosition of(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        int limit = Math.min(offset, text.length());
        for (int i = 0; i < limit; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TextPosition(line, offset - lineStart + 1);
    }

    /** The offset of this position in {@code text} (clamped to the text). */
    public int offsetIn(String text) {
        int offset = 0;
        for (int currentLine = 1; currentLine < line && offset < text.length(); offset++) {
            if (text.charAt(offset) == '\n') {
                currentLine++;
            }
        }
        return Math.min(offset + column - 1, text.length());
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
