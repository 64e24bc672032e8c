package dev.spillway.io.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the delimiter and quote of a file from its first rows, like DuckDB's dialect detection: every
 * combination of the candidate delimiters ({@code , | ; \t}) and quotes ({@code "}, {@code '}, none) parses the
 * same rows, and the best one wins by, in order: no quoting error; (almost) every row with the same number of fields; more
 * fields per row; fewer rows with another field count; more rows; the earlier candidate (so {@code ,} and {@code "} win ties). A row cut off
 * by the end of the sample is not counted against a candidate.
 */
final class DialectDetector {
    /** Rows each candidate parses; enough to see quotes and ragged rows, cheap enough for twelve candidates. */
    static final int DIALECT_ROWS = 1000;
    static final int DIALECT_BYTES = 256 << 10;
    /** At most one row in this many may have another field count for a dialect to count as consistent. */
    static final int MAX_RAGGED_FRACTION = 20;

    private static final byte[] DELIMITERS = {',', '|', ';', '\t'};
    private static final int[] QUOTES = {'"', '\'', CsvOptions.NONE};

    private DialectDetector() {}

    /** The best {@code (delimiter, quote, escape)}; fields of the result other than those three are placeholders. */
    static CsvDialect detect(CsvOptions options, byte[] sample, int from, int limit, boolean endOfInput) {
        List<CsvDialect> candidates = new ArrayList<>();
        for (byte delimiter : options.delimiter() == CsvOptions.AUTO ? DELIMITERS : new byte[] {(byte) options.delimiter()}) {
            for (int quote : options.quote() == CsvOptions.AUTO ? QUOTES : new int[] {options.quote()}) {
                if (quote == delimiter) {
                    continue;
                }
                int escape = options.escape() == CsvOptions.AUTO ? quote : options.escape();
                candidates.add(new CsvDialect(delimiter, quote, quote < 0 ? CsvOptions.NONE : escape, false, 0, 0));
            }
        }
        int end = Math.min(limit, from + DIALECT_BYTES);
        boolean endOfSample = endOfInput && end == limit;
        CsvDialect best = null;
        Score bestScore = null;
        for (CsvDialect candidate : candidates) {
            Score score = score(candidate, sample, from, end, endOfSample);
            if (bestScore == null || score.betterThan(bestScore)) {
                best = candidate.withColumnCount(score.columns);
                bestScore = score;
            }
        }
        return best;
    }

    private static Score score(CsvDialect dialect, byte[] sample, int from, int limit, boolean endOfInput) {
        CsvTokenizer tokenizer = new CsvTokenizer(dialect);
        int position = from;
        int rows = 0;
        int columns = 0;
        int inconsistent = 0;
        boolean error = false;
        while (position < limit && rows < DIALECT_ROWS) {
            int status = tokenizer.next(sample, position, limit, endOfInput);
            if (status == CsvTokenizer.NEED_MORE) {
                break;
            }
            if (status != CsvTokenizer.ROW) {
                error = true;
                break;
            }
            position = tokenizer.rowEnd();
            if (tokenizer.isEmptyLine()) {
                continue;
            }
            if (rows == 0) {
                columns = tokenizer.fieldCount();
            } else if (tokenizer.fieldCount() != columns) {
                inconsistent++;
            }
            rows++;
        }
        // A few ragged rows do not disqualify a delimiter: reading then reports them with their line numbers,
        // which helps more than silently reading every line as one text column.
        boolean consistent = inconsistent <= rows / MAX_RAGGED_FRACTION;
        return new Score(!error, consistent, Math.max(columns, 1), inconsistent, rows - inconsistent);
    }

    private record Score(boolean valid, boolean consistent, int columns, int inconsistent, int rows) {
        boolean betterThan(Score other) {
            if (valid != other.valid) {
                return valid;
            }
            if (consistent != other.consistent) {
                return consistent;
            }
            if (columns != other.columns) {
                return columns > other.columns;
            }
            // Same field count: the quote that explains more rows wins (quoted line breaks make ragged rows
            // without it).
            if (inconsistent != other.inconsistent) {
                return inconsistent < other.inconsistent;
            }
            return rows > other.rows;
        }
    }
}
