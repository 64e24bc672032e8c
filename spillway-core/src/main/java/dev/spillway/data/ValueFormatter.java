package dev.spillway.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Text forms of values, as DuckDB prints them: doubles in shortest round-trip form (plain between
 * 1e-5 and 1e16, else {@code 1e+16} style, {@code nan}, {@code inf}), decimals with their scale,
 * dates {@code yyyy-mm-dd}, timestamps {@code yyyy-mm-dd hh:mm:ss[.ffffff]} without trailing zeros.
 * Used by casts to VARCHAR and by every output format.
 */
public final class ValueFormatter {
    private ValueFormatter() {}

    public static String format(Object value) {
        return switch (value) {
            case null -> "NULL";
            case Double d -> formatDouble(d);
            case BigDecimal d -> d.toPlainString();
            case LocalDate d -> formatDate(d);
            case LocalDateTime t -> formatTimestamp(t);
            default -> value.toString();
        };
    }

    public static String formatDouble(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        // Double.toString gives the shortest digits that round-trip; only the layout differs.
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        StringBuilder text = new StringBuilder(32);
        if (value < 0) {
            text.append('-');
        }
        if (exponent >= 16 || exponent < -4) {
            text.append(digits.charAt(0));
            if (digits.length() > 1) {
                text.append('.').append(digits, 1, digits.length());
            }
            text.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                text.append('0');
            }
            text.append(magnitude);
            return text.toString();
        }
        if (exponent < 0) {
            text.append("0.");
            text.repeat('0', -exponent - 1);
            text.append(digits);
        } else if (digits.length() <= exponent + 1) {
            text.append(digits);
            text.repeat('0', exponent + 1 - digits.length());
            text.append(".0");
        } else {
            text.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
        }
        return text.toString();
    }

    public static String formatDate(LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            // DuckDB writes years outside 0..9999 with a "(BC)" suffix or more digits; keep ISO for those.
            return date.toString();
        }
        StringBuilder text = new StringBuilder(10);
        pad(text, year, 4).append('-');
        pad(text, date.getMonthValue(), 2).append('-');
        pad(text, date.getDayOfMonth(), 2);
        return text.toString();
    }

    public static String formatTimestamp(LocalDateTime timestamp) {
        StringBuilder text = new StringBuilder(26).append(formatDate(timestamp.toLocalDate())).append(' ');
        pad(text, timestamp.getHour(), 2).append(':');
        pad(text, timestamp.getMinute(), 2).append(':');
        pad(text, timestamp.getSecond(), 2);
        int micros = timestamp.getNano() / 1000;
        if (micros != 0) {
            String fraction = String.format("%06d", micros);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(fraction, 0, end);
        }
        return text.toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        text.repeat('0', width - digits.length());
        return text.append(digits);
    }
}
