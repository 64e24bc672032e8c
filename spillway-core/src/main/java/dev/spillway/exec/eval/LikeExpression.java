package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.errors.SpillwayException;
import dev.spillway.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * LIKE and ILIKE against a constant pattern. {@code %} matches any run of characters and {@code _}
 * one character.
 *
 * <p>Algorithm: the pattern is split at {@code %} into literal segments. Without {@code _} the match is
 * done on UTF-8 bytes: the first segment must be a prefix, the last a suffix, and the middle ones are
 * found left to right (greedy leftmost is correct for {@code %}-separated literals). Patterns with
 * {@code _}, ILIKE and escapes fall back to a character-level matcher on Java strings.
 */
final class LikeExpression implements VectorExpression {
    private final VectorExpression input;
    private final boolean caseInsensitive;
    private final List<byte[]> segments = new ArrayList<>();
    private final boolean startsWithPercent;
    private final boolean endsWithPercent;
    private final boolean byteMatch;
    private final LikeMatcher fallback;

    LikeExpression(VectorExpression input, String pattern, boolean caseInsensitive, String escape) {
        this.input = input;
        this.caseInsensitive = caseInsensitive;
        if (escape != null && escape.codePointCount(0, escape.length()) > 1) {
            throw SpillwayException.userError("the LIKE escape must be a single character, got '%s'", escape);
        }
        this.fallback = new LikeMatcher(pattern, caseInsensitive, escape);
        this.byteMatch = !caseInsensitive && pattern.indexOf('_') < 0 && (escape == null || escape.isEmpty());
        this.startsWithPercent = pattern.startsWith("%");
        this.endsWithPercent = pattern.endsWith("%");
        for (String segment : pattern.split("%", -1)) {
            if (!segment.isEmpty()) {
                segments.add(segment.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        int rows = batch.rowCount();
        try (FieldVector value = input.evaluate(batch, context)) {
            BitVector out = Results.newBits(rows, context);
            ArrowBuf result = out.getDataBuffer();
            result.setZero(0, Bits.wordBytes(rows));
            if (value instanceof NullVector) {
                out.getValidityBuffer().setZero(0, Bits.wordBytes(rows));
                out.setValueCount(rows);
                return out;
            }
            VarCharVector strings = (VarCharVector) value;
            ArrowBuf offsets = strings.getOffsetBuffer();
            ArrowBuf data = strings.getDataBuffer();
            for (int i = 0; i < rows; i++) {
                int start = offsets.getInt((long) i << 2);
                int length = offsets.getInt((long) (i + 1) << 2) - start;
                boolean match = byteMatch ? matchBytes(data, start, length) : matchCharacters(data, start, length);
                if (match) {
                    Bits.set(result, i);
                }
            }
            Results.validityFrom(out, value, rows);
            out.setValueCount(rows);
            return out;
        }
    }

    private boolean matchBytes(ArrowBuf data, long start, int length) {
        if (segments.isEmpty()) {
            return startsWithPercent || length == 0;
        }
        int position = 0;
        int first = 0;
        int last = segments.size();
        if (!startsWithPercent) {
            byte[] prefix = segments.get(0);
            if (length < prefix.length || !Strings.equals(data, start, prefix.length, prefix)) {
                return false;
            }
            position = prefix.length;
            first = 1;
            if (segments.size() == 1 && !endsWithPercent) {
                return length == prefix.length;
            }
        }
        int end = length;
        if (!endsWithPercent && last > first) {
            byte[] suffix = segments.get(last - 1);
            if (end - position < suffix.length || !Strings.equals(data, start + end - suffix.length, suffix.length, suffix)) {
                return false;
            }
            end -= suffix.length;
            last--;
        }
        for (int s = first; s < last; s++) {
            byte[] segment = segments.get(s);
            int found = Strings.indexOf(data, start, end, segment, position);
            if (found < 0) {
                return false;
            }
            position = found + segment.length;
        }
        return position <= end;
    }

    private boolean matchCharacters(ArrowBuf data, long start, int length) {
        byte[] bytes = new byte[length];
        data.getBytes(start, bytes, 0, length);
        return fallback.matches(new String(bytes, StandardCharsets.UTF_8));
    }
}
