package dev.spillway.bench.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The 22 TPC-H query texts and the set Spillway supports for the acceptance criterion. */
public final class TpchQueries {
    public static final int COUNT = 22;
    /** Queries Spillway is expected to run at speed today; {@code --queries all} runs all 22. */
    public static final List<Integer> SUPPORTED = List.of(1, 3, 5, 6, 7, 8, 9, 10, 12, 13, 14, 18, 19);

    private TpchQueries() {}

    /** {@code Q01} .. {@code Q22}. */
    public static String name(int number) {
        checkNumber(number);
        return String.format(Locale.ROOT, "Q%02d", number);
    }

    /** The query text without its trailing semicolon: both engines get exactly one statement. */
    public static String sql(int number) {
        checkNumber(number);
        String resource = String.format(Locale.ROOT, "q%02d.sql", number);
        try (InputStream in = TpchQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("TPC-H query resource " + resource + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.endsWith(";") ? text.substring(0, text.length() - 1).stripTrailing() : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkNumber(int number) {
        if (number < 1 || number > COUNT) {
            throw new IllegalArgumentException("TPC-H queries are numbered 1 to 22, got " + number);
        }
    }
}
