package dev.spillway.sql.parse;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements of character ranges of an original text, and the map back from positions in the rewritten
 * text to positions in the original. The dialect rewriter edits SQL before Calcite parses it; errors Calcite
 * reports in the rewritten text are mapped back so that users see the line and column of what they wrote.
 */
public final class TextRewrite {
    private final String original;
    private final List<Edit> edits = new ArrayList<>();
    private String text;

    private record Edit(int start, int end, String replacement) {}

    public TextRewrite(String original) {
        this.original = requireNonNull(original, "original is null");
    }

    public String original() {
        return original;
    }

    /** Replaces {@code [start, end)} of the original; ranges must not overlap. */
    public TextRewrite replace(int start, int end, String replacement) {
        if (start < 0 || end < start || end > original.length()) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
        for (Edit edit : edits) {
            if (start < edit.end && edit.start < end) {
                throw new IllegalArgumentException("overlapping edits at " + start);
            }
        }
        edits.add(new Edit(start, end, requireNonNull(replacement, "replacement is null")));
        text = null;
        edits.sort(Comparator.comparingInt(Edit::start));
        return this;
    }

    /** Replaces the range by spaces, keeping line breaks, so that nothing after it moves. */
    public TextRewrite blank(int start, int end) {
        StringBuilder spaces = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            spaces.append(original.charAt(i) == '\n' ? '\n' : ' ');
        }
        return replace(start, end, spaces.toString());
    }

    public String text() {
        if (text == null) {
            StringBuilder rewritten = new StringBuilder(original.length() + 32);
            int at = 0;
            for (Edit edit : edits) {
                rewritten.append(original, at, edit.start).append(edit.replacement);
                at = edit.end;
            }
            text = rewritten.append(original, at, original.length()).toString();
        }
        return text;
    }

    /** The original offset of a rewritten offset; inside a replacement, the start of what it replaced. */
    public int originalOffset(int rewrittenOffset) {
        int delta = 0;
        for (Edit edit : edits) {
            int rewrittenStart = edit.start + delta;
            int rewrittenEnd = rewrittenStart + edit.replacement.length();
            if (rewrittenOffset < rewrittenStart) {
                break;
            }
            if (rewrittenOffset < rewrittenEnd) {
                return edit.start;
            }
            delta += edit.replacement.length() - (edit.end - edit.start);
        }
        return rewrittenOffset - delta;
    }

    /** The position in the original text of a position in the rewritten text. */
    public TextPosition originalPosition(TextPosition rewritten) {
        return TextPosition.of(original, originalOffset(rewritten.offsetIn(text())));
    }
}
