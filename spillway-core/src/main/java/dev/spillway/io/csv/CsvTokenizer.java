package dev.spillway.io.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits one CSV row out of a byte buffer into field bounds, without copying: field {@code i} is
 * {@code buffer[start(i), end(i))}, the bytes between the quotes for a quoted field. The sniffer, the split-point
 * finder and the reader all use this one state machine, so they agree on where rows end.
 *
 * <p>Algorithm: an unquoted field is scanned with a 256-entry table that marks only the delimiter and line-break
 * bytes, so the hot loop is one load and one test per byte. A field that starts with the quote byte is quoted: it
 * runs to the matching quote, may contain delimiters and line breaks, and represents an embedded quote by a
 * doubled quote or by the escape byte; such fields are flagged {@link #ESCAPED} and {@link #copyUnescaped}
 * produces their value. A quote byte inside an unquoted field is ordinary data (as in DuckDB). Rows end at
 * {@code \n}, {@code \r\n} or a lone {@code \r}, or at the end of the input.
 *
 * <p>{@link #next} returns {@link #NEED_MORE} when the row may continue past the bytes given and the input is not
 * at its end; the caller then supplies more bytes and calls again from the same position. Because UTF-8 never uses
 * ASCII bytes inside multi-byte characters, working on bytes is safe for any UTF-8 text.
 */
final class CsvTokenizer {
    static final int ROW = 0;
    static final int NEED_MORE = 1;
    static final int UNTERMINATED_QUOTE = 2;
    static final int TEXT_AFTER_QUOTE = 3;

    /** The field was quoted. */
    static final byte QUOTED = 1;
    /** The field contains doubled quotes or escapes and must go through {@link #copyUnescaped}. */
    static final byte ESCAPED = 2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LINE_FEEDS = ONES * '\n';
    private static final long CARRIAGE_RETURNS = ONES * '\r';

    private final byte delimiter;
    private final long delimiters;
    private final int quote;
    private final int escape;
    /** Bytes that end an unquoted field. */
    private final boolean[] fieldEnds = new boolean[256];
    /** Bytes that need attention inside a quoted field. */
    private final boolean[] quotedSpecials = new boolean[256];

    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private byte[] flags = new byte[16];
    private int fieldCount;
    private int rowEnd;
    private int lineBreaks;
    private int errorPosition;
    private int errorField;

    CsvTokenizer(CsvDialect dialect) {
        this(dialect.delimiter(), dialect.quote(), dialect.escape());
    }

    CsvTokenizer(byte delimiter, int quote, int escape) {
        this.delimiter = delimiter;
        this.delimiters = ONES * (delimiter & 0xFF);
        this.quote = quote;
        this.escape = quote < 0 ? CsvOptions.NONE : escape;
        fieldEnds[delimiter & 0xFF] = true;
        fieldEnds['\n'] = true;
        fieldEnds['\r'] = true;
        if (quote >= 0) {
            quotedSpecials[quote] = true;
            quotedSpecials['\n'] = true;
            quotedSpecials['\r'] = true;
            if (this.escape >= 0) {
                quotedSpecials[this.escape] = true;
            }
        }
    }

    /**
     * Parses the row starting at {@code position}; {@code position < limit} or {@code endOfInput}. On {@link #ROW}
     * the fields, {@link #rowEnd()} and {@link #lineBreaks()} describe it; on an error {@link #errorPosition()}
     * says where.
     */
    int next(byte[] buffer, int position, int limit, boolean endOfInput) {
        int p = position;
        int count = 0;
        int breaks = 0;
        while (true) {
            int fieldStart;
            int fieldEnd;
            byte fieldFlags = 0;
            if (quote >= 0 && p < limit && buffer[p] == quote) {
                fieldFlags = QUOTED;
                p++;
                fieldStart = p;
                while (true) {
                    while (p < limit && !quotedSpecials[buffer[p] & 0xFF]) {
                        p++;
                    }
                    if (p >= limit) {
                        if (!endOfInput) {
                            return NEED_MORE;
                        }
                        errorPosition = fieldStart - 1;
                        errorField = count;
                        return UNTERMINATED_QUOTE;
                    }
                    byte b = buffer[p];
                    if (b == quote) {
                        if (p + 1 >= limit && !endOfInput) {
                            return NEED_MORE;
                        }
                        if (escape == quote && p + 1 < limit && buffer[p + 1] == quote) {
                            fieldFlags |= ESCAPED;
                            p += 2;
                            continue;
                        }
                        fieldEnd = p;
                        p++;
                        break;
                    }
                    if (b == escape) {
                        if (p + 1 >= limit) {
                            if (!endOfInput) {
                                return NEED_MORE;
                            }
                            errorPosition = fieldStart - 1;
                            errorField = count;
                            return UNTERMINATED_QUOTE;
                        }
                        fieldFlags |= ESCAPED;
                        p += 2;
                        continue;
                    }
                    // A line break inside the quotes: count it so line numbers stay physical lines.
                    if (b == '\n' || p + 1 >= limit || buffer[p + 1] != '\n') {
                        breaks++;
                    }
                    p++;
                }
                if (p < limit && !fieldEnds[buffer[p] & 0xFF]) {
                    errorPosition = p;
                    errorField = count;
                    return TEXT_AFTER_QUOTE;
                }
                if (p >= limit && !endOfInput) {
                    return NEED_MORE;
                }
            } else {
                fieldStart = p;
                p = scanUnquoted(buffer, p, limit);
                if (p >= limit && !endOfInput) {
                    return NEED_MORE;
                }
                fieldEnd = p;
            }
            if (count == starts.length) {
                grow();
            }
            starts[count] = fieldStart;
            ends[count] = fieldEnd;
            flags[count] = fieldFlags;
            count++;
            if (p >= limit) {
                return finish(count, limit, breaks);
            }
            byte b = buffer[p];
            if (b == delimiter) {
                p++;
                continue;
            }
            if (b == '\n') {
                return finish(count, p + 1, breaks + 1);
            }
            // '\r': alone or followed by '\n'
            if (p + 1 < limit) {
                return finish(count, buffer[p + 1] == '\n' ? p + 2 : p + 1, breaks + 1);
            }
            if (!endOfInput) {
                return NEED_MORE;
            }
            return finish(count, p + 1, breaks + 1);
        }
    }

    /**
     * The first delimiter or line-break byte at or after {@code p}, or {@code limit}. Eight bytes at a time: in
     * {@code x ^ pattern} a matching byte becomes zero, and {@link #zeroBytes} flags zero bytes exactly up to the
     * first one (later flags may be false, which the lowest-bit search never looks at).
     */
    private int scanUnquoted(byte[] buffer, int p, int limit) {
        while (p + Long.BYTES <= limit) {
            long word = (long) LONGS.get(buffer, p);
            long found = zeroBytes(word ^ delimiters) | zeroBytes(word ^ LINE_FEEDS) | zeroBytes(word ^ CARRIAGE_RETURNS);
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            p += Long.BYTES;
        }
        while (p < limit && !fieldEnds[buffer[p] & 0xFF]) {
            p++;
        }
        return p;
    }

    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGHS;
    }

    private int finish(int count, int end, int breaks) {
        fieldCount = count;
        rowEnd = end;
        lineBreaks = breaks;
        return ROW;
    }

    private void grow() {
        int capacity = starts.length * 2;
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
        flags = Arrays.copyOf(flags, capacity);
    }

    int fieldCount() {
        return fieldCount;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    int flags(int field) {
        return flags[field];
    }

    /** Position just after the row's line break (or the end of the input). */
    int rowEnd() {
        return rowEnd;
    }

    /** Line breaks the row consumed, its terminator included. */
    int lineBreaks() {
        return lineBreaks;
    }

    int errorPosition() {
        return errorPosition;
    }

    /** Index of the field where the last error occurred. */
    int errorField() {
        return errorField;
    }

    /** An empty line: one empty unquoted field. */
    boolean isEmptyLine() {
        return fieldCount == 1 && starts[0] == ends[0] && flags[0] == 0;
    }

    /** True when an unquoted field contains the quote byte, which a row parsed from a wrong start often shows. */
    boolean hasStrayQuote(byte[] buffer) {
        if (quote < 0) {
            return false;
        }
        for (int field = 0; field < fieldCount; field++) {
            if (flags[field] == 0) {
                for (int i = starts[field]; i < ends[field]; i++) {
                    if (buffer[i] == quote) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Copies field {@code field}'s value with escapes resolved into {@code target} (at least as long); returns its length. */
    int copyUnescaped(byte[] buffer, int field, byte[] target) {
        int length = 0;
        int end = ends[field];
        for (int i = starts[field]; i < end; i++) {
            byte b = buffer[i];
            if ((b == quote && escape == quote) || (b == escape && escape >= 0)) {
                i++;
                b = buffer[i];
            }
            target[length++] = b;
        }
        return length;
    }
}
