package dev.spillway.sql;

import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.sql.calcite.SqlPositionedException;
import dev.spillway.sql.parse.TextPosition;
import dev.spillway.sql.parse.TextRewrite;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns Calcite's errors into one-line user errors that start with the line and column in the user's text
 * ({@code line 1, column 8: column "foo" not found}). Calcite reports positions in the rewritten text; the
 * {@link TextRewrite} maps them back.
 */
final class SqlErrors {
    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*?)\" at line \\d+, column \\d+", Pattern.DOTALL);
    private static final Pattern POSITION_SUFFIX = Pattern.compile("\\s*at line \\d+, column \\d+\\.?");
    /** Calcite's wording, re-said in the style of DuckDB's and PostgreSQL's messages. */
    private record Rewording(Pattern pattern, java.util.function.Function<Matcher, String> message) {}

    private static final List<Rewording> REWORDINGS = List.of(
            new Rewording(Pattern.compile("Column '(.+)' not found in any table"), m -> "column \"" + m.group(1) + "\" not found"),
            // With select-list aliases allowed (DuckDB allows SELECT a + 1 AS x, x * 2), an unknown column is
            // first tried as an alias of itself.
            new Rewording(Pattern.compile("The definition of column '(.+)' depends on itself through the following columns: '\\1'"),
                    m -> "column \"" + m.group(1) + "\" not found"),
            new Rewording(Pattern.compile("Column '(.+)' not found in table '(.+)'"),
                    m -> "column \"" + m.group(1) + "\" not found in table \"" + m.group(2) + "\""),
            new Rewording(Pattern.compile("Object '(.+?)' not found( within '(.+)')?"), m -> "table \"" + m.group(1) + "\" not found"),
            new Rewording(Pattern.compile("Table '(.+)' not found"), m -> "table \"" + m.group(1) + "\" not found"),
            new Rewording(Pattern.compile("Column '(.+)' is ambiguous"), m -> "column \"" + m.group(1) + "\" is ambiguous"),
            new Rewording(Pattern.compile("Expression '(.+)' is not being grouped"),
                    m -> "column \"" + m.group(1) + "\" must appear in the GROUP BY clause or be used in an aggregate function"),
            new Rewording(Pattern.compile("Cast function cannot convert value of type (.+?)( NOT NULL)? to type (.+?)( NOT NULL)?"),
                    m -> "cannot cast " + typeName(m.group(1)) + " to " + typeName(m.group(3))),
            new Rewording(Pattern.compile("Incorrect syntax near the keyword '(.+)'"), m -> "syntax error at or near \"" + m.group(1) + "\""),
            new Rewording(Pattern.compile("Ordinal out of range"), m -> "position in ORDER BY or GROUP BY is out of range of the select list"),
            new Rewording(Pattern.compile("Cannot apply '(.+?)' to arguments of type '(.+)'\\..*", Pattern.DOTALL),
                    m -> "cannot apply " + m.group(1).toLowerCase(Locale.ROOT) + " to " + typeList(m.group(2))),
            new Rewording(Pattern.compile("No match found for function signature ([^(]+)\\((.*)\\)"), SqlErrors::noSuchFunction),
            new Rewording(Pattern.compile("Invalid number of arguments to function '(.+)'. Was expecting (\\d+) arguments"),
                    m -> "wrong number of arguments to function " + m.group(1).toLowerCase(Locale.ROOT) + " (expected " + m.group(2) + ")"));

    private static String noSuchFunction(Matcher m) {
        String name = m.group(1).toLowerCase(Locale.ROOT);
        boolean known = dev.spillway.sql.calcite.SpillwayOperatorTable.instance().getOperatorList().stream()
                .anyMatch(operator -> operator.getName().equalsIgnoreCase(name));
        if (!known) {
            return "function \"" + name + "\" not found";
        }
        String arguments = m.group(2).replace("<", "").replace(">", "").toLowerCase(Locale.ROOT);
        return "function " + name + " does not accept arguments of types (" + arguments + ")";
    }

    private SqlErrors() {}

    static SpillwayException parse(SqlParseException e, TextRewrite rewrite) {
        String first = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("syntax error");
        Matcher encountered = ENCOUNTERED.matcher(e.getMessage() == null ? "" : e.getMessage());
        String message;
        if (encountered.find()) {
            String token = encountered.group(1).trim();
            message = token.equals("<EOF>") ? "syntax error: unexpected end of input" : "syntax error at or near \"" + firstWord(token) + "\"";
        } else {
            message = reword(POSITION_SUFFIX.matcher(first).replaceAll("").trim());
        }
        return positioned(e.getPos(), message, rewrite, e);
    }

    static SpillwayException validation(CalciteContextException e, TextRewrite rewrite) {
        String detail = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        SqlParserPos pos = new SqlParserPos(e.getPosLine(), e.getPosColumn());
        return positioned(pos, reword(detail.lines().findFirst().orElse(detail)), rewrite, e);
    }

    static SpillwayException positioned(SqlPositionedException e, TextRewrite rewrite) {
        return positioned(e.position(), e.getMessage(), rewrite, e);
    }

    private static SpillwayException positioned(SqlParserPos pos, String message, TextRewrite rewrite, Throwable cause) {
        String text = message;
        if (pos != null && pos.getLineNum() > 0) {
            TextPosition original = rewrite.originalPosition(new TextPosition(pos.getLineNum(), pos.getColumnNum()));
            text = original + ": " + message;
        }
        return new SpillwayException(ErrorKind.USER_INPUT, text, cause);
    }

    private static String firstWord(String token) {
        int space = token.indexOf(' ');
        return space < 0 ? token : token.substring(0, space);
    }

    private static final Pattern CALCITE_TYPE = Pattern.compile("<([A-Z_ ]+)(\\([0-9, ]+\\))?>");

    private static String typeName(String calciteType) {
        return typeList("<" + calciteType + ">");
    }

    /** {@code <DATE> + <CHAR(3)>} as {@code DATE and VARCHAR}, in Spillway's type names. */
    private static String typeList(String calciteTypes) {
        List<String> types = new java.util.ArrayList<>();
        Matcher matcher = CALCITE_TYPE.matcher(calciteTypes);
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            types.add(switch (name) {
                case "CHAR", "VARCHAR" -> "VARCHAR";
                case "DECIMAL" -> "DECIMAL" + (matcher.group(2) == null ? "" : matcher.group(2).replace(" ", ""));
                case "TINYINT", "SMALLINT" -> "INTEGER";
                default -> name;
            });
        }
        return types.isEmpty() ? calciteTypes : String.join(" and ", types);
    }

    static String reword(String message) {
        for (Rewording rewording : REWORDINGS) {
            Matcher matcher = rewording.pattern().matcher(message);
            if (matcher.matches()) {
                return rewording.message().apply(matcher);
            }
        }
        int supported = message.indexOf(". Supported form(s)");
        return supported > 0 ? message.substring(0, supported) : message;
    }
}
