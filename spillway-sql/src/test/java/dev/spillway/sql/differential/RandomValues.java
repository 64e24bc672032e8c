package dev.spillway.sql.differential;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of column values with the awkward cases engines get wrong: NULLs, zero and negative
 * zero, extremes of a type's range, empty and long strings, non-ASCII text, leap days and dates around the
 * epoch. Each draw takes a NULL fraction; the same seed gives the same values.
 */
final class RandomValues {
    /** Strings that exercise collation, LIKE wildcards, trimming and multi-byte characters. */
    private static final List<String> WORDS = List.of(
            "", " ", "a", "A", "ab", "abc", "b", "B", "apple", "Apple", "banana", "cherry", "a%b", "a_b", "100%",
            "  padded  ", "tab\there", "héllo", "Zoë", "naïve café", "straße", "日本語", "中文", "🦆", "emoji 🦆 duck",
            "ünïcödé", "ΑΣ", "İstanbul", "x".repeat(300), "long " + "word ".repeat(60));
    private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate[] SPECIAL_DATES = {
        LocalDate.of(1970, 1, 1), LocalDate.of(1969, 12, 31), LocalDate.of(2000, 2, 29), LocalDate.of(1900, 3, 1),
        LocalDate.of(2024, 12, 31), LocalDate.of(2100, 1, 1)};

    private final Random random;

    RandomValues(long seed) {
        this.random = new Random(seed);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Integers within ±{@code magnitude}, often small, sometimes exactly 0, 1, -1 or ±magnitude. */
    Integer integer(double nullFraction, int magnitude) {
        if (chance(nullFraction)) {
            return null;
        }
        return switch (random.nextInt(10)) {
            case 0 -> pick(List.of(0, 1, -1, magnitude, -magnitude));
            case 1, 2, 3 -> random.nextInt(21) - 10;
            default -> random.nextInt(2 * magnitude + 1) - magnitude;
        };
    }

    /** A key drawn from {@code 1..distinct}, or {@code hot} with probability {@code hotFraction} (skew). */
    Integer skewedKey(double nullFraction, double hotFraction, int hot, int distinct) {
        if (chance(nullFraction)) {
            return null;
        }
        return chance(hotFraction) ? hot : 1 + random.nextInt(distinct);
    }

    Long bigint(double nullFraction, long magnitude) {
        if (chance(nullFraction)) {
            return null;
        }
        return switch (random.nextInt(8)) {
            case 0 -> pick(List.of(0L, 1L, -1L, magnitude, -magnitude, 3_000_000_000L));
            case 1 -> (long) (random.nextInt(1000) - 500);
            default -> (long) ((random.nextDouble() * 2 - 1) * magnitude);
        };
    }

    /** Doubles of many magnitudes, with 0.0 and -0.0 but never NaN or infinity (their semantics are tested apart). */
    Double doubleValue(double nullFraction) {
        if (chance(nullFraction)) {
            return null;
        }
        return switch (random.nextInt(10)) {
            case 0 -> pick(List.of(0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 1e-7, -2.5e12));
            case 1, 2 -> (double) (random.nextInt(200) - 100);
            case 3 -> (random.nextDouble() - 0.5) * 1e-3;
            default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12));
        };
    }

    /** Doubles as above, and often NaN, infinity or negative infinity (DuckDB sorts NaN last and equal to itself). */
    Double specialDouble(double nullFraction) {
        return chance(0.3) ? pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)) : doubleValue(nullFraction);
    }

    /** A decimal with {@code scale} digits after the point and at most {@code precision} digits in all. */
    BigDecimal decimal(double nullFraction, int precision, int scale) {
        if (chance(nullFraction)) {
            return null;
        }
        int digits = 1 + random.nextInt(precision);
        BigInteger unscaled = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        if (random.nextInt(12) == 0) {
            unscaled = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE).negate(); // the most negative value
        }
        return new BigDecimal(unscaled, scale);
    }

    String string(double nullFraction) {
        if (chance(nullFraction)) {
            return null;
        }
        return random.nextInt(4) == 0 ? "w" + random.nextInt(40) : pick(WORDS);
    }

    LocalDate date(double nullFraction) {
        if (chance(nullFraction)) {
            return null;
        }
        if (random.nextInt(8) == 0) {
            return SPECIAL_DATES[random.nextInt(SPECIAL_DATES.length)];
        }
        return FIRST_DATE.plusDays(random.nextInt(73_000));
    }

    /** Timestamps with microseconds; some at midnight, some at the last microsecond of a day. */
    LocalDateTime timestamp(double nullFraction) {
        LocalDate date = date(nullFraction);
        if (date == null) {
            return null;
        }
        return switch (random.nextInt(6)) {
            case 0 -> date.atStartOfDay();
            case 1 -> date.atTime(23, 59, 59, 999_999_000);
            default -> date.atStartOfDay().plusNanos(random.nextLong(86_400_000_000L) * 1_000);
        };
    }

    Boolean bool(double nullFraction) {
        return chance(nullFraction) ? null : random.nextBoolean();
    }
}
