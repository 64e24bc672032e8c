package dev.spillway.sql.slt;

import java.util.regex.Pattern;

/**
 * What the message of an expected error must contain: a substring, or with the prefix {@code <REGEX>:}
 * a regular expression found anywhere in the message (as in DuckDB's sqllogictest). Empty matches any
 * message.
 */
record ErrorExpectation(String text) {
    private static final String REGEX_PREFIX = "<REGEX>:";

    boolean matches(String message) {
        if (message == null) {
            return text.isEmpty();
        }
        if (text.startsWith(REGEX_PREFIX)) {
            return Pattern.compile(text.substring(REGEX_PREFIX.length()), Pattern.DOTALL).matcher(message).find();
        }
        return message.contains(text);
    }

    ErrorExpectation withText(String newText) {
        return new ErrorExpectation(newText);
    }
}
