package dev.spillway.io.text;

import dev.spillway.types.DataType;

/**
 * Type detection for text values, as a bit set of the types a column may still have. Each non-null sample
 * value removes the types it cannot be read as; the column's type is the most specific type left, in the
 * order BOOLEAN, BIGINT, HUGEINT (DECIMAL(38,0) here), DOUBLE, DATE, TIMESTAMP, VARCHAR. VARCHAR always
 * stays, so a column with no usable values, or one no other type fits, is VARCHAR.
 *
 * <p>The rules follow DuckDB's CSV sniffer, which is stricter than its casts: booleans are only
 * true/false/t/f/yes/no (any case, no spaces); numbers may have spaces around them but no leading {@code +}
 * and no leading zero before another digit ({@code 007} stays text, as zip codes should); {@code inf} and
 * {@code nan} are text; a TIMESTAMP needs a time of day, so a bare date is a DATE and a column mixing the two
 * is text.
 */
public final class TypeCandidates {
    public static final int BOOLEAN = 1;
    public static final int BIGINT = 1 << 1;
    public static final int HUGEINT = 1 << 2;
    public static final int DOUBLE = 1 << 3;
    public static final int DATE = 1 << 4;
    public static final int TIMESTAMP = 1 << 5;
    public static final int VARCHAR = 1 << 6;
    public static final int ALL = (1 << 7) - 1;

    /** The widest integers inferred as a decimal rather than a double (DuckDB infers HUGEINT up to 39 digits). */
    public static final DataType HUGEINT_TYPE = DataType.decimal(DataType.MAX_DECIMAL_PRECISION, 0);

    private static final int NUMERIC = BIGINT | HUGEINT | DOUBLE;
    private static final int TEMPORAL = DATE | TIMESTAMP;

    private TypeCandidates() {}

    /** The candidates in {@code mask} that the non-null value {@code bytes[from, to)} can be read as. */
    public static int narrow(int mask, byte[] bytes, int from, int to) {
        int result = VARCHAR;
        if ((mask & BOOLEAN) != 0 && BooleanParser.isDetectableBoolean(bytes, from, to)) {
            return mask & (BOOLEAN | VARCHAR);
        }
        int start = from;
        int end = to;
        while (start < end && NumberParser.isSpace(bytes[start])) {
            start++;
        }
        while (end > start && NumberParser.isSpace(bytes[end - 1])) {
            end--;
        }
        if (start == end) {
            return result;
        }
        if ((mask & NUMERIC) != 0) {
            result |= numericCandidates(bytes, start, end);
        }
        if ((mask & TEMPORAL) != 0 && end - start >= 8 && isDigitOrMinus(bytes[start])) {
            result |= temporalCandidates(bytes, start, end, mask);
        }
        return mask & result;
    }

    /** The most specific type in the mask. */
    public static DataType typeOf(int mask) {
        if ((mask & BOOLEAN) != 0) {
            return DataType.BOOLEAN;
        }
        if ((mask & BIGINT) != 0) {
            return DataType.BIGINT;
        }
        if ((mask & HUGEINT) != 0) {
            return HUGEINT_TYPE;
        }
        if ((mask & DOUBLE) != 0) {
            return DataType.DOUBLE;
        }
        if ((mask & DATE) != 0) {
            return DataType.DATE;
        }
        if ((mask & TIMESTAMP) != 0) {
            return DataType.TIMESTAMP;
        }
        return DataType.VARCHAR;
    }

    private static int numericCandidates(byte[] bytes, int start, int end) {
        int i = start;
        if (bytes[i] == '-') {
            i++;
        }
        int integerStart = i;
        while (i < end && isDigit(bytes[i])) {
            i++;
        }
        int integerDigits = i - integerStart;
        // DuckDB's sniffer rule: a number may not start with a zero followed by another digit.
        if (bytes[start] == '0' && end - start > 1 && isDigit(bytes[start + 1])) {
            return 0;
        }
        if (i == end) {
            if (integerDigits == 0) {
                return 0;
            }
            int significant = integerDigits;
            for (int k = integerStart; k < end - 1 && bytes[k] == '0'; k++) {
                significant--;
            }
            if (significant <= 18 || (significant == 19 && fitsLong(bytes, start, end))) {
                return BIGINT | HUGEINT | DOUBLE;
            }
            return significant <= DataType.MAX_DECIMAL_PRECISION ? HUGEINT | DOUBLE : DOUBLE;
        }
        int fractionDigits = 0;
        if (bytes[i] == '.') {
            i++;
            int fractionStart = i;
            while (i < end && isDigit(bytes[i])) {
                i++;
            }
            fractionDigits = i - fractionStart;
        }
        if (integerDigits + fractionDigits == 0) {
            return 0;
        }
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
                i++;
            }
            int exponentStart = i;
            while (i < end && isDigit(bytes[i])) {
                i++;
            }
            if (i == exponentStart) {
                return 0;
            }
        }
        return i == end ? DOUBLE : 0;
    }

    private static boolean fitsLong(byte[] bytes, int start, int end) {
        try {
            NumberParser.parseLong(bytes, start, end);
            return true;
        } catch (ValueFormatException e) {
            return false;
        }
    }

    private static int temporalCandidates(byte[] bytes, int start, int end, int mask) {
        int result = 0;
        if ((mask & DATE) != 0) {
            try {
                DateTimeParser.parseDate(bytes, start, end);
                return DATE;
            } catch (ValueFormatException | ArithmeticException e) {
                // not a date; maybe a timestamp
            }
        }
        if ((mask & TIMESTAMP) != 0) {
            try {
                DateTimeParser.parseTimestamp(bytes, start, end, true);
                result |= TIMESTAMP;
            } catch (ValueFormatException | ArithmeticException e) {
                // neither
            }
        }
        return result;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isDigitOrMinus(byte b) {
        return isDigit(b) || b == '-';
    }
}
