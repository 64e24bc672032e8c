package dev.spillway.api;

import dev.spillway.errors.SpillwayException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints byte sizes the way DuckDB does: {@code 512MB}, {@code 4GB} (powers of 1000),
 * {@code 4GiB} (powers of 1024), plain bytes, and percentages of a reference ({@code 80%}).
 */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z%]*)\\s*");

    private Sizes() {}

    /**
     * @param percentOf what {@code N%} is a percentage of (e.g. physical memory), or -1 if percentages are not allowed
     */
    public static long parse(String setting, String text, long percentOf) {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw badSize(setting, text);
        }
        double number = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2).toLowerCase(Locale.ROOT);
        double multiplier = switch (unit) {
            case "", "b", "byte", "bytes" -> 1;
            case "k", "kb" -> 1e3;
            case "m", "mb" -> 1e6;
            case "g", "gb" -> 1e9;
            case "t", "tb" -> 1e12;
            case "kib" -> 1024.0;
            case "mib" -> 1024.0 * 1024;
            case "gib" -> 1024.0 * 1024 * 1024;
            case "tib" -> 1024.0 * 1024 * 1024 * 1024;
            case "%" -> {
                if (percentOf < 0) {
                    throw badSize(setting, text);
                }
                yield percentOf / 100.0;
            }
            default -> throw badSize(setting, text);
        };
        double bytes = number * multiplier;
        if (bytes > Long.MAX_VALUE) {
            throw badSize(setting, text);
        }
        return (long) bytes;
    }

    private static SpillwayException badSize(String setting, String text) {
        return SpillwayException.userError("invalid size '%s' for %s: use a number of bytes or a unit such as 512MB, 4GB, 2GiB%s",
                text, setting, setting.equals("memory_limit") || setting.equals("max_temp_directory_size") ? " or a percentage like 80%" : "");
    }

    /** A size for people: {@code 1.5 GiB}, {@code 312.0 MiB}, {@code 900 bytes}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
