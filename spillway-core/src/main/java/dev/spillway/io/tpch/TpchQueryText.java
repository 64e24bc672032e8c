package dev.spillway.io.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The 22 TPC-H query texts, kept
 * once here next to the generator of their tables, for the demo, the benchmark and the tests.
 */
public final class TpchQueryText {
    public static final int COUNT = 22;

    private TpchQueryText() {}

    /** The text of query {@code number} (1 to 22) without its trailing semicolon: exactly one statement. */
    public static String sql(int number) {
        if (number < 1 || number > COUNT) {
            throw new IllegalArgumentException("TPC-H queries are numbered 1 to 22, got " + number);
        }
        String resource = String.format(Locale.ROOT, "queries/q%02d.sql", number);
        try (InputStream in = TpchQueryText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("TPC-H query resource " + resource + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.endsWith(";") ? text.substring(0, text.length() - 1).stripTrailing() : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
