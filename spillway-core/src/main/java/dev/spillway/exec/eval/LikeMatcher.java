package dev.spillway.exec.eval;

import dev.spillway.errors.SpillwayException;

/** LIKE on Java strings for patterns that are not constant. */
final class LikeMatcher {
    private final int[] pattern;
    private final boolean caseInsensitive;
    private final int escape;

    LikeMatcher(String pattern, boolean caseInsensitive, String escape) {
        this.caseInsensitive = caseInsensitive;
        this.pattern = (caseInsensitive ? Strings.changeCase(pattern, false) : pattern).codePoints().toArray();
        this.escape = escape == null || escape.isEmpty() ? -1 : escape.codePointAt(0);
    }

    boolean matches(String text) {
        String value = caseInsensitive ? Strings.changeCase(text, false) : text;
        return match(value.codePoints().toArray(), 0, 0);
    }

    private boolean match(int[] text, int t, int p) {
        while (p < pattern.length) {
            int c = pattern[p];
            if (c == escape) {
                if (p + 1 >= pattern.length) {
                    throw SpillwayException.userError("LIKE pattern must not end with the escape character");
                }
                if (t >= text.length || text[t] != pattern[p + 1]) {
                    return false;
                }
                t++;
                p += 2;
            } else if (c == '%') {
                while (p < pattern.length && pattern[p] == '%') {
                    p++;
                }
                if (p == pattern.length) {
                    return true;
                }
                for (int k = t; k <= text.length; k++) {
                    if (match(text, k, p)) {
                        return true;
                    }
                }
                return false;
            } else {
                if (t >= text.length || (c != '_' && text[t] != c)) {
                    return false;
                }
                t++;
                p++;
            }
        }
        return t == text.length;
    }
}
