package dev.spillway.io.csv;

/**
 * The resolved syntax of a CSV file: what separates fields, what quotes them, how a quote is escaped inside a
 * quoted field ({@code escape == quote} means doubling it, as RFC 4180 does), whether a header row follows the
 * {@code skipLines} skipped lines, and how many fields every row has.
 *
 * @param quote the quote byte or {@link CsvOptions#NONE}
 * @param escape the escape byte or {@link CsvOptions#NONE}
 */
public record CsvDialect(byte delimiter, int quote, int escape, boolean header, long skipLines, int columnCount) {
    public boolean hasQuote() {
        return quote >= 0;
    }

    CsvDialect withColumnCount(int value) {
        return new CsvDialect(delimiter, quote, escape, header, skipLines, value);
    }

    CsvDialect withHeader(boolean value) {
        return new CsvDialect(delimiter, quote, escape, value, skipLines, columnCount);
    }

    /** For EXPLAIN and errors: {@code delim ',' quote '"' header}. */
    public String describe() {
        return "delim " + show(delimiter) + " quote " + (quote < 0 ? "none" : show(quote))
                + (escape >= 0 && escape != quote ? " escape " + show(escape) : "") + (header ? " header" : " no header");
    }

    private static String show(int c) {
        return c == '\t' ? "'\\t'" : "'" + (char) c + "'";
    }
}
