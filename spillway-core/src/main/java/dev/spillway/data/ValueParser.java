package dev.spillway.data;

import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import dev.spillway.types.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;

/**
 * Parses text into values of a type, with DuckDB's leniency: surrounding spaces are ignored, integers
 * accept a decimal fraction (rounded), dates accept a trailing time, {@code inf}/{@code nan} are doubles.
 * Failures are user errors naming the text and the type.
 */
public final class ValueParser {
    private ValueParser() {}

    public static Object parse(String text, DataType type) {
        String value = text.strip();
        try {
            return switch (type.id()) {
                case NULL -> null;
                case BOOLEAN -> parseBoolean(value);
                case INTEGER -> Math.toIntExact(parseLong(value));
                case BIGINT -> parseLong(value);
                case DOUBLE -> parseDouble(value);
                case DECIMAL -> Decimals.rescale(new BigDecimal(value), type);
                case VARCHAR -> text;
                case DATE -> parseDate(value);
                case TIMESTAMP -> parseTimestamp(value);
                case INTERVAL -> throw new IllegalArgumentException("interval");
            };
        } catch (ArithmeticException | DateTimeException | IllegalArgumentException e) {
            throw cannotConvert(text, type);
        } catch (SpillwayException e) {
            throw cannotConvert(text, type);
        }
    }

    public static SpillwayException cannotConvert(String text, DataType type) {
        return SpillwayException.userError("could not convert string '%s' to %s", text, type);
    }

    public static boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes", "y" -> true;
            case "false", "f", "0", "no", "n" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    public static long parseLong(String value) {
        try {
            return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException e) {
            // DuckDB rounds a decimal fraction: '1.5'::INTEGER is 2.
            return new BigDecimal(value).setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
    }

    public static double parseDouble(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "inf", "infinity", "+inf", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            case "nan", "+nan", "-nan" -> Double.NaN;
            default -> {
                char last = value.isEmpty() ? ' ' : value.charAt(value.length() - 1);
                if (last == 'd' || last == 'D' || last == 'f' || last == 'F' || value.startsWith("0x")) {
                    throw new NumberFormatException(value);
                }
                yield Double.parseDouble(value);
            }
        };
    }

    /** {@code yyyy-mm-dd} (months and days may have one digit), optionally followed by a time that is ignored. */
    public static LocalDate parseDate(String value) {
        int end = value.length();
        int space = indexOfAny(value, ' ', 'T');
        if (space > 0) {
            end = space;
        }
        String[] parts = value.substring(0, end).split("-", -1);
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw new IllegalArgumentException(value);
        }
        if (space > 0) {
            parseTime(value.substring(space + 1).strip());
        }
        return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    /** {@code yyyy-mm-dd[ |T]hh:mm[:ss[.ffffff]]}, or a date alone (midnight). */
    public static LocalDateTime parseTimestamp(String value) {
        int separator = indexOfAny(value, ' ', 'T');
        if (separator < 0) {
            return parseDate(value).atStartOfDay();
        }
        LocalDate date = parseDate(value.substring(0, separator));
        String time = value.substring(separator + 1).strip();
        if (time.endsWith("Z") || time.endsWith("+00") || time.endsWith("+00:00")) {
            time = time.substring(0, time.endsWith("Z") ? time.length() - 1 : time.lastIndexOf('+'));
        }
        return LocalDateTime.of(date, parseTime(time));
    }

    private static LocalTime parseTime(String time) {
        String[] parts = time.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException(time);
        }
        int hour = Integer.parseInt(parts[0]);
        int minute = Integer.parseInt(parts[1]);
        int second = 0;
        int nanos = 0;
        if (parts.length == 3) {
            String seconds = parts[2];
            int dot = seconds.indexOf('.');
            if (dot >= 0) {
                String fraction = seconds.substring(dot + 1);
                if (fraction.isEmpty() || fraction.length() > 9 || !fraction.chars().allMatch(Character::isDigit)) {
                    throw new IllegalArgumentException(time);
                }
                nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
                nanos = nanos / 1000 * 1000;
                seconds = seconds.substring(0, dot);
            }
            second = Integer.parseInt(seconds);
        }
        return LocalTime.of(hour, minute, second, nanos);
    }

    private static int indexOfAny(String value, char a, char b) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
