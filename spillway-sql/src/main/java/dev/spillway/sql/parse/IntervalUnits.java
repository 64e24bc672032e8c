package dev.spillway.sql.parse;

import java.util.Locale;
import java.util.Map;

/** DuckDB's interval unit spellings, mapped to the single-field qualifiers Calcite parses. */
final class IntervalUnits {
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("year", "YEAR"), Map.entry("years", "YEAR"), Map.entry("y", "YEAR"), Map.entry("yr", "YEAR"), Map.entry("yrs", "YEAR"),
            Map.entry("quarter", "QUARTER"), Map.entry("quarters", "QUARTER"),
            Map.entry("month", "MONTH"), Map.entry("months", "MONTH"), Map.entry("mon", "MONTH"), Map.entry("mons", "MONTH"),
            Map.entry("week", "WEEK"), Map.entry("weeks", "WEEK"), Map.entry("w", "WEEK"),
            Map.entry("day", "DAY"), Map.entry("days", "DAY"), Map.entry("d", "DAY"),
            Map.entry("hour", "HOUR"), Map.entry("hours", "HOUR"), Map.entry("h", "HOUR"), Map.entry("hr", "HOUR"), Map.entry("hrs", "HOUR"),
            Map.entry("minute", "MINUTE"), Map.entry("minutes", "MINUTE"), Map.entry("min", "MINUTE"), Map.entry("mins", "MINUTE"),
            Map.entry("second", "SECOND"), Map.entry("seconds", "SECOND"), Map.entry("sec", "SECOND"), Map.entry("secs", "SECOND"),
            Map.entry("s", "SECOND"));

    private IntervalUnits() {}

    /** The canonical unit (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND), or null if the word is none. */
    static String normalize(String word) {
        return UNITS.get(word.toLowerCase(Locale.ROOT));
    }

    /** A Calcite interval literal body such as {@code '3' MONTH}; weeks are 7 days and quarters 3 months. */
    static String literal(String amount, String unit) {
        String digits = amount.replace("_", "");
        return switch (unit) {
            case "WEEK" -> "'" + scaled(digits, 7) + "' DAY";
            case "QUARTER" -> "'" + scaled(digits, 3) + "' MONTH";
            default -> "'" + digits + "' " + unit;
        };
    }

    private static String scaled(String digits, int factor) {
        try {
            return Long.toString(Math.multiplyExact(Long.parseLong(digits), factor));
        } catch (NumberFormatException | ArithmeticException e) {
            return digits; // let Calcite report the bad literal
        }
    }
}
