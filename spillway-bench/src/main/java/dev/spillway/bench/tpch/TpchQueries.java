package dev.spillway.bench.tpch;

import dev.spillway.io.tpch.TpchQueryText;
import java.util.List;
import java.util.Locale;

/** The 22 TPC-H query texts and the set Spillway supports for the acceptance criterion. */
public final class TpchQueries {
    public static final int COUNT = TpchQueryText.COUNT;
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
        return TpchQueryText.sql(number);
    }

    private static void checkNumber(int number) {
        if (number < 1 || number > COUNT) {
            throw new IllegalArgumentException("TPC-H queries are numbered 1 to 22, got " + number);
        }
    }
}
