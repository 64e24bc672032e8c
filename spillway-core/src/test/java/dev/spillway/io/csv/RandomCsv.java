package dev.spillway.io.csv;

import java.util.Random;

/** Seeded random CSV content for property-style tests: numbers, dates, booleans and text that needs quoting. */
final class RandomCsv {
    private static final String[] WORDS = {"alpha", "beta", "gamma", "δέλτα", "зета", "日本", "x", "", "a b", "naïve"};

    private final Random random;
    private final boolean quotedLineBreaks;
    private final String lineEnd;

    RandomCsv(long seed, boolean quotedLineBreaks) {
        this.random = new Random(seed);
        this.quotedLineBreaks = quotedLineBreaks;
        this.lineEnd = random.nextInt(4) == 0 ? "\r\n" : "\n";
    }

    /** A file with a header and {@code rows} rows of id, amount, label, day, flag, note. */
    String file(int rows) {
        StringBuilder out = new StringBuilder("id,amount,label,day,flag,note").append(lineEnd);
        for (int i = 0; i < rows; i++) {
            out.append(i).append(',');
            out.append(random.nextInt(10) == 0 ? "" : String.format(java.util.Locale.ROOT, "%.3f", random.nextGaussian() * 1000)).append(',');
            out.append(text(false)).append(',');
            out.append(random.nextInt(10) == 0 ? "" : String.format("20%02d-%02d-%02d", random.nextInt(30), 1 + random.nextInt(12),
                    1 + random.nextInt(28))).append(',');
            out.append(random.nextBoolean() ? "true" : "false").append(',');
            out.append(text(quotedLineBreaks)).append(lineEnd);
        }
        return out.toString();
    }

    private String text(boolean lineBreaks) {
        StringBuilder value = new StringBuilder();
        int words = random.nextInt(4);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                int separator = random.nextInt(10);
                value.append(separator == 0 ? "," : separator == 1 ? "\"" : separator == 2 && lineBreaks ? "\n" : " ");
            }
            value.append(WORDS[random.nextInt(WORDS.length)]);
        }
        String text = value.toString();
        boolean mustQuote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.isEmpty();
        if (mustQuote || random.nextInt(5) == 0) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
