package dev.spillway.io.csv;

import java.nio.charset.StandardCharsets;

/** Renders field values for one-line error messages. */
final class CsvErrors {
    private static final int MAX_SHOWN_CHARACTERS = 60;

    private CsvErrors() {}

    /** {@code 'abc'}, cut to a readable length, with line breaks and control characters escaped. */
    static String showValue(byte[] bytes, int from, int to) {
        String text = new String(bytes, from, Math.max(0, to - from), StandardCharsets.UTF_8);
        boolean cut = text.length() > MAX_SHOWN_CHARACTERS;
        if (cut) {
            text = text.substring(0, MAX_SHOWN_CHARACTERS);
        }
        StringBuilder shown = new StringBuilder(text.length() + 8).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> shown.append(c < 0x20 ? '?' : c);
            }
        }
        return shown.append(cut ? "...'" : "'").toString();
    }
}
