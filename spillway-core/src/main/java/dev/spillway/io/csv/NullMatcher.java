package dev.spillway.io.csv;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Recognizes the field contents read as NULL ({@code nullstr}, the empty string by default). Quoted fields
 * count too, as with DuckDB's default {@code allow_quoted_nulls}: {@code ""} is NULL unless {@code nullstr} is
 * set to something else.
 */
final class NullMatcher {
    private final byte[][] values;
    private final boolean emptyIsNull;

    NullMatcher(List<String> nullStrings) {
        this.values = nullStrings.stream().filter(s -> !s.isEmpty()).map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.emptyIsNull = nullStrings.contains("");
    }

    /** Whether an empty field is NULL in a VARCHAR column (in other columns it always is). */
    boolean emptyIsNull() {
        return emptyIsNull;
    }

    boolean matches(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return emptyIsNull;
        }
        for (byte[] value : values) {
            if (value.length == length && java.util.Arrays.equals(value, 0, length, bytes, from, to)) {
                return true;
            }
        }
        return false;
    }
}
