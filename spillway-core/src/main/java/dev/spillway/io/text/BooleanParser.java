package dev.spillway.io.text;

/** Parses booleans from bytes as DuckDB's cast does: true/false/t/f/yes/no/y/n/1/0, any case, no spaces. */
public final class BooleanParser {
    private BooleanParser() {}

    public static boolean parse(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == 1) {
            return switch (bytes[from]) {
                case 't', 'T', 'y', 'Y', '1' -> true;
                case 'f', 'F', 'n', 'N', '0' -> false;
                default -> throw new ValueFormatException("not a boolean");
            };
        }
        // The common spellings first, compared byte by byte (| 0x20 lower-cases ASCII letters).
        if (length == 4 && (bytes[from] | 0x20) == 't' && (bytes[from + 1] | 0x20) == 'r' && (bytes[from + 2] | 0x20) == 'u'
                && (bytes[from + 3] | 0x20) == 'e') {
            return true;
        }
        if (length == 5 && (bytes[from] | 0x20) == 'f' && (bytes[from + 1] | 0x20) == 'a' && (bytes[from + 2] | 0x20) == 'l'
                && (bytes[from + 3] | 0x20) == 's' && (bytes[from + 4] | 0x20) == 'e') {
            return false;
        }
        if (matches(bytes, from, to, "yes")) {
            return true;
        }
        if (matches(bytes, from, to, "no")) {
            return false;
        }
        throw new ValueFormatException("not a boolean");
    }

    /** The words type detection takes as booleans (DuckDB's sniffer leaves 1/0 and y/n to other types). */
    static boolean isDetectableBoolean(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == 1) {
            int lower = bytes[from] | 0x20;
            return lower == 't' || lower == 'f';
        }
        return matches(bytes, from, to, "true") || matches(bytes, from, to, "false")
                || matches(bytes, from, to, "yes") || matches(bytes, from, to, "no");
    }

    /** Case-insensitive match against a lower-case ASCII word. */
    private static boolean matches(byte[] bytes, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if ((bytes[from + i] | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
