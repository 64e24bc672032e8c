package dev.spillway.sql.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at semicolons outside quotes and comments.
 *
 * <p>Each statement keeps its place in the script: it is preceded by as many line breaks and spaces as
 * put its first character at its original line and column, so positions in parse errors are positions in
 * the script. Statements with nothing but whitespace and comments are dropped.
 */
public final class ScriptSplitter {
    private ScriptSplitter() {}

    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        int statementStart = 0;
        boolean hasTokens = false;
        for (Token token : SqlTokenizer.tokenize(script)) {
            if (token.isSymbol(";")) {
                if (hasTokens) {
                    statements.add(placed(script, statementStart, token.start()));
                }
                statementStart = token.end();
                hasTokens = false;
            } else {
                hasTokens = true;
            }
        }
        if (hasTokens) {
            statements.add(placed(script, statementStart, script.length()));
        }
        return statements;
    }

    private static String placed(String script, int start, int end) {
        TextPosition position = TextPosition.of(script, start);
        return "\n".repeat(position.line() - 1) + " ".repeat(position.column() - 1) + script.substring(start, end);
    }
}
