package dev.spillway.io.text;

import java.nio.charset.StandardCharsets;

/**
 * Parses numbers straight from UTF-8 bytes, with no String per value: integers with overflow checks, and
 * doubles by the exact fast path (at most 15 significant digits and a power of ten up to 22, where one
 * rounding of an exact operand is correctly rounded) falling back to {@link Double#parseDouble} otherwise,
 * so results always equal Java's (and DuckDB's) correctly rounded conversion.
 *
 * <p>These are the lenient parsers used when reading a column of a known type: surrounding spaces and tabs,
 * a leading {@code +} and leading zeros are accepted, and {@code inf}/{@code nan} for doubles.
 */
public final class NumberParser {
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
        1e21, 1e22
    };

    private NumberParser() {}

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    /** A 64-bit integer; {@link ValueFormatException} when malformed or out of range. */
    public static long parseLong(byte[] bytes, int from, int to) {
        // Fast path: an optional minus and at most 18 digits cannot overflow, so no range checks are needed.
        int length = to - from;
        if (length > 0 && length <= 18) {
            int i = from;
            boolean negative = bytes[i] == '-';
            if (negative && length > 1) {
                i++;
            }
            long value = 0;
            for (; i < to; i++) {
                int digit = bytes[i] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                value = value * 10 + digit;
            }
            if (i == to && (bytes[to - 1] != '-')) {
                return negative ? -value : value;
            }
        }
        while (from < to && isSpace(bytes[from])) {
            from++;
        }
        while (to > from && isSpace(bytes[to - 1])) {
            to--;
        }
        if (from == to) {
            throw new ValueFormatException("empty");
        }
        boolean negative = false;
        int i = from;
        if (bytes[i] == '-' || bytes[i] == '+') {
            negative = bytes[i] == '-';
            i++;
            if (i == to) {
                throw new ValueFormatException("sign without digits");
            }
        }
        // Accumulate negatively: the negative range is one larger, so Long.MIN_VALUE parses without overflow.
        long result = 0;
        for (; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new ValueFormatException("not an integer");
            }
            if (result < Long.MIN_VALUE / 10) {
                throw new ValueFormatException("out of range");
            }
            result *= 10;
            if (result < Long.MIN_VALUE + digit) {
                throw new ValueFormatException("out of range");
            }
            result -= digit;
        }
        if (!negative) {
            if (result == Long.MIN_VALUE) {
                throw new ValueFormatException("out of range");
            }
            return -result;
        }
        return result;
    }

    /** A 32-bit integer; {@link ValueFormatException} when malformed or out of range. */
    public static int parseInt(byte[] bytes, int from, int to) {
        long value = parseLong(bytes, from, to);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ValueFormatException("out of range");
        }
        return (int) value;
    }

    /** A double in decimal or scientific notation, or inf/infinity/nan; {@link ValueFormatException} otherwise. */
    public static double parseDouble(byte[] bytes, int from, int to) {
        while (from < to && isSpace(bytes[from])) {
            from++;
        }
        while (to > from && isSpace(bytes[to - 1])) {
            to--;
        }
        int i = from;
        boolean negative = false;
        if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significantDigits = 0;
        int digits = 0;
        int exponent = 0;
        // Digits before the point; leading zeros are not significant.
        for (; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            digits++;
            if (mantissa != 0 || digit != 0) {
                if (significantDigits < 19) {
                    mantissa = mantissa * 10 + digit;
                } else {
                    exponent++;
                }
                significantDigits++;
            }
        }
        if (i < to && bytes[i] == '.') {
            i++;
            for (; i < to; i++) {
                int digit = bytes[i] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                digits++;
                if (mantissa != 0 || digit != 0) {
                    if (significantDigits < 19) {
                        mantissa = mantissa * 10 + digit;
                        exponent--;
                    }
                    significantDigits++;
                } else {
                    exponent--;
                }
            }
        }
        if (digits == 0) {
            return parseSpecial(bytes, from, to);
        }
        if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
                negativeExponent = bytes[i] == '-';
                i++;
            }
            if (i == to) {
                throw new ValueFormatException("exponent without digits");
            }
            int explicit = 0;
            for (; i < to; i++) {
                int digit = bytes[i] - '0';
                if (digit < 0 || digit > 9) {
                    throw new ValueFormatException("not a number");
                }
                if (explicit < 100_000) {
                    explicit = explicit * 10 + digit;
                }
            }
            exponent += negativeExponent ? -explicit : explicit;
        }
        if (i != to) {
            throw new ValueFormatException("not a number");
        }
        double value;
        if (mantissa == 0) {
            value = 0.0;
        } else if (significantDigits <= 15 && exponent >= -22 && exponent <= 22) {
            value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
        } else {
            value = Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
            return value;
        }
        return negative ? -value : value;
    }

    private static double parseSpecial(byte[] bytes, int from, int to) {
        String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            case "nan", "+nan", "-nan" -> Double.NaN;
            default -> throw new ValueFormatException("not a number");
        };
    }
}
