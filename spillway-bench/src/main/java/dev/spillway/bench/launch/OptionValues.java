package dev.spillway.bench.launch;

import dev.spillway.api.Sizes;
import dev.spillway.errors.SpillwayException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks and converts option values the suites share. Every message names the option and shows the value,
 * so a user sees at once which argument to fix.
 */
public final class OptionValues {
    private static final Pattern DURATION = Pattern.compile("([0-9]+)\\s*(ms|s|m|h)?");
    private static final Pattern HEAP = Pattern.compile("[0-9]+[kKmMgG]?");

    private OptionValues() {}

    public static int positiveInt(String name, String value) {
        return intAtLeast(name, value, 1);
    }

    public static int nonNegativeInt(String name, String value) {
        return intAtLeast(name, value, 0);
    }

    /** A whole number from {@code minimum} to {@code maximum}, both included. */
    public static long longBetween(String name, String value, long minimum, long maximum) {
        try {
            long number = Long.parseLong(value.trim().replace("_", ""));
            if (number >= minimum && number <= maximum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(name + " takes a whole number from " + minimum + " to " + maximum + ", got '" + value + "'");
    }

    private static int intAtLeast(String name, String value, int minimum) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(name + " takes a whole number of at least " + minimum + ", got '" + value + "'");
    }

    public static double positiveDouble(String name, String value) {
        try {
            double number = Double.parseDouble(value.trim());
            if (number > 0 && Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(name + " takes a positive number, got '" + value + "'");
    }

    /** {@code 300} (seconds), {@code 250ms}, {@code 90s}, {@code 10m}, {@code 1h}; never zero. */
    public static Duration duration(String name, String value) {
        Matcher matcher = DURATION.matcher(value.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(name + " takes a duration like 300, 90s, 10m or 1h, got '" + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration duration = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return duration;
    }

    /**
     * A memory limit both engines understand, kept as the text given: checked with Spillway's own size
     * parser, and DuckDB accepts the same units. Percentages are refused: they would mean different amounts
     * to the two engines (each takes them of what it thinks the machine has).
     */
    public static String memoryLimit(String name, String value) {
        String text = value.trim();
        if (text.endsWith("%")) {
            throw new IllegalArgumentException(name + " takes a size such as 4GB or 2GiB, not a percentage");
        }
        try {
            Sizes.parse("memory_limit", text, -1);
        } catch (SpillwayException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        return text;
    }

    /** A size in bytes such as {@code 1GiB}, {@code 512MB} or {@code 0}. */
    public static long bytes(String name, String value) {
        try {
            return Sizes.parse(name, value.trim(), -1);
        } catch (SpillwayException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /** A JVM heap size for {@code -Xmx}, such as {@code 2g} or {@code 512m}. */
    public static String heap(String name, String value) {
        if (!HEAP.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException(name + " takes a JVM heap size like 2g or 512m, got '" + value + "'");
        }
        return value.trim();
    }
}
