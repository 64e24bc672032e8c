package dev.spillway.io.text;

/**
 * Parses ISO-8601-style dates and timestamps straight from bytes, as DuckDB's casts accept them:
 * {@code yyyy-mm-dd} (also {@code /} as separator and one-digit month or day), and for timestamps a date,
 * {@code T} or a space, {@code hh:mm[:ss[.fraction]]} and an optional zone ({@code Z}, {@code +hh},
 * {@code +hh:mm}, {@code +hhmm}). Timestamps with a zone are converted to UTC (the engine's TIMESTAMP has no
 * zone); fractions beyond microseconds are truncated. Surrounding spaces are ignored.
 */
public final class DateTimeParser {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private DateTimeParser() {}

    /** Days since 1970-01-01; {@link ValueFormatException} when malformed or not a calendar date. */
    public static int parseDate(byte[] bytes, int from, int to) {
        if (to - from == 10) {
            long days = isoDate(bytes, from);
            if (days != NOT_ISO) {
                return (int) days;
            }
        }
        while (from < to && NumberParser.isSpace(bytes[from])) {
            from++;
        }
        while (to > from && NumberParser.isSpace(bytes[to - 1])) {
            to--;
        }
        Cursor cursor = new Cursor(bytes, from, to);
        long days = cursor.date();
        if (cursor.position != to) {
            throw new ValueFormatException("not a date");
        }
        return Math.toIntExact(days);
    }

    /**
     * Microseconds since 1970-01-01 00:00 UTC. With {@code requireTime} a bare date is rejected (type
     * detection keeps DATE and TIMESTAMP apart as DuckDB's sniffer does); otherwise it means midnight.
     */
    public static long parseTimestamp(byte[] bytes, int from, int to, boolean requireTime) {
        if (to - from == 19) {
            long micros = isoTimestamp(bytes, from);
            if (micros != NOT_ISO) {
                return micros;
            }
        }
        while (from < to && NumberParser.isSpace(bytes[from])) {
            from++;
        }
        while (to > from && NumberParser.isSpace(bytes[to - 1])) {
            to--;
        }
        Cursor cursor = new Cursor(bytes, from, to);
        long days = cursor.date();
        if (cursor.position == to) {
            if (requireTime) {
                throw new ValueFormatException("no time");
            }
            return days * MICROS_PER_DAY;
        }
        byte separator = bytes[cursor.position];
        if (separator != 'T' && separator != ' ') {
            throw new ValueFormatException("not a timestamp");
        }
        cursor.position++;
        long micros = cursor.time();
        if (cursor.position < to) {
            micros -= cursor.zoneOffsetSeconds() * 1_000_000L;
        }
        if (cursor.position != to) {
            throw new ValueFormatException("not a timestamp");
        }
        return Math.addExact(Math.multiplyExact(days, MICROS_PER_DAY), micros);
    }

    /** Marks "not the fixed-width form": the general parser then decides (and reports) instead. */
    private static final long NOT_ISO = Long.MIN_VALUE;

    /**
     * Fast path for the overwhelmingly common {@code yyyy-mm-dd}: fixed positions, one validity test for all
     * digits. Anything unusual (other separators, one-digit fields, invalid dates) returns {@link #NOT_ISO}.
     */
    private static long isoDate(byte[] bytes, int at) {
        if (bytes[at + 4] != '-' || bytes[at + 7] != '-') {
            return NOT_ISO;
        }
        int y1 = digit(bytes[at]);
        int y2 = digit(bytes[at + 1]);
        int y3 = digit(bytes[at + 2]);
        int y4 = digit(bytes[at + 3]);
        int m1 = digit(bytes[at + 5]);
        int m2 = digit(bytes[at + 6]);
        int d1 = digit(bytes[at + 8]);
        int d2 = digit(bytes[at + 9]);
        if ((y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) < 0) {
            return NOT_ISO;
        }
        int year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
        int month = m1 * 10 + m2;
        int day = d1 * 10 + d2;
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return NOT_ISO;
        }
        return epochDay(year, month, day);
    }

    /** The digit's value, or -1 (so that OR-ing several detects any non-digit). */
    private static int digit(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : -1;
    }

    /** Fast path for {@code yyyy-mm-dd hh:mm:ss} (or with {@code T}); {@link #NOT_ISO} for anything else. */
    private static long isoTimestamp(byte[] bytes, int at) {
        byte separator = bytes[at + 10];
        if ((separator != ' ' && separator != 'T') || bytes[at + 13] != ':' || bytes[at + 16] != ':') {
            return NOT_ISO;
        }
        long days = isoDate(bytes, at);
        if (days == NOT_ISO) {
            return NOT_ISO;
        }
        int h1 = digit(bytes[at + 11]);
        int h2 = digit(bytes[at + 12]);
        int n1 = digit(bytes[at + 14]);
        int n2 = digit(bytes[at + 15]);
        int s1 = digit(bytes[at + 17]);
        int s2 = digit(bytes[at + 18]);
        if ((h1 | h2 | n1 | n2 | s1 | s2) < 0) {
            return NOT_ISO;
        }
        int hour = h1 * 10 + h2;
        int minute = n1 * 10 + n2;
        int second = s1 * 10 + s2;
        if (hour > 23 || minute > 59 || second > 59) {
            return NOT_ISO;
        }
        return days * MICROS_PER_DAY + ((hour * 60L + minute) * 60 + second) * 1_000_000;
    }

    /** Days since the epoch of a proleptic Gregorian date (the civil-to-days computation over 400-year eras). */
    static long epochDay(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        int shiftedMonth = month > 2 ? month - 3 : month + 9;
        long dayOfYear = (153L * shiftedMonth + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    static boolean isLeapYear(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static int daysInMonth(long year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** A position in the value; each method consumes one component or throws. */
    private static final class Cursor {
        private final byte[] bytes;
        private final int end;
        private int position;

        Cursor(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.position = from;
            this.end = to;
        }

        long date() {
            boolean negative = position < end && bytes[position] == '-';
            if (negative) {
                position++;
            }
            int yearStart = position;
            long year = digits(4, 9);
            if (position - yearStart < 4) {
                throw new ValueFormatException("year needs four digits");
            }
            if (negative) {
                year = -year;
            }
            if (position >= end || (bytes[position] != '-' && bytes[position] != '/')) {
                throw new ValueFormatException("not a date");
            }
            byte separator = bytes[position++];
            int month = (int) digits(1, 2);
            if (position >= end || bytes[position] != separator) {
                throw new ValueFormatException("not a date");
            }
            position++;
            int day = (int) digits(1, 2);
            if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
                throw new ValueFormatException("not a calendar date");
            }
            return epochDay(year, month, day);
        }

        long time() {
            int hour = (int) digits(1, 2);
            expect(':');
            int minute = (int) digits(2, 2);
            int second = 0;
            long fraction = 0;
            if (position < end && bytes[position] == ':') {
                position++;
                second = (int) digits(2, 2);
                if (position < end && bytes[position] == '.') {
                    position++;
                    int start = position;
                    long scale = 100_000;
                    while (position < end && isDigit(bytes[position])) {
                        if (scale > 0) {
                            fraction += (bytes[position] - '0') * scale;
                            scale /= 10;
                        }
                        position++;
                    }
                    if (position == start) {
                        throw new ValueFormatException("empty fraction");
                    }
                }
            }
            if (hour > 23 || minute > 59 || second > 59) {
                // 24:00:00 is accepted by some writers for the end of a day; DuckDB rejects it, so do we.
                throw new ValueFormatException("time out of range");
            }
            return ((hour * 60L + minute) * 60 + second) * 1_000_000 + fraction;
        }

        int zoneOffsetSeconds() {
            while (position < end && bytes[position] == ' ') {
                position++;
            }
            if (position < end && (bytes[position] == 'Z' || bytes[position] == 'z')) {
                position++;
                return 0;
            }
            if (position >= end || (bytes[position] != '+' && bytes[position] != '-')) {
                throw new ValueFormatException("bad zone");
            }
            int sign = bytes[position++] == '-' ? -1 : 1;
            int hours = (int) digits(2, 2);
            int minutes = 0;
            if (position < end && bytes[position] == ':') {
                position++;
                minutes = (int) digits(2, 2);
            } else if (position + 1 < end && isDigit(bytes[position])) {
                minutes = (int) digits(2, 2);
            }
            if (hours > 18 || minutes > 59) {
                throw new ValueFormatException("bad zone");
            }
            return sign * (hours * 3600 + minutes * 60);
        }

        private void expect(char c) {
            if (position >= end || bytes[position] != c) {
                throw new ValueFormatException("expected " + c);
            }
            position++;
        }

        private long digits(int min, int max) {
            int start = position;
            long value = 0;
            while (position < end && position - start < max && isDigit(bytes[position])) {
                value = value * 10 + (bytes[position] - '0');
                position++;
            }
            if (position - start < min) {
                throw new ValueFormatException("expected digits");
            }
            return value;
        }

        private static boolean isDigit(byte b) {
            return b >= '0' && b <= '9';
        }
    }
}
