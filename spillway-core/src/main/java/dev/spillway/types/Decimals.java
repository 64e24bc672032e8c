package dev.spillway.types;

import dev.spillway.errors.SpillwayException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Decimal helpers: powers of ten and exact rescaling. */
public final class Decimals {
    private static final long[] LONG_POWERS = new long[19];
    private static final BigInteger[] BIG_POWERS = new BigInteger[39];

    static {
        long power = 1;
        for (int i = 0; i < LONG_POWERS.length; i++) {
            LONG_POWERS[i] = power;
            power *= 10;
        }
        BigInteger big = BigInteger.ONE;
        for (int i = 0; i < BIG_POWERS.length; i++) {
            BIG_POWERS[i] = big;
            big = big.multiply(BigInteger.TEN);
        }
    }

    private Decimals() {}

    /** 10^exponent for exponent in [0, 18]. */
    public static long longPowerOfTen(int exponent) {
        return LONG_POWERS[exponent];
    }

    public static BigInteger bigPowerOfTen(int exponent) {
        return BIG_POWERS[exponent];
    }

    /** The value at the type's scale, rounding half away from zero; an error if it exceeds the precision. */
    public static BigDecimal rescale(BigDecimal value, DataType type) {
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale() && scaled.signum() != 0) {
            throw SpillwayException.userError("value %s does not fit in %s", value.toPlainString(), type);
        }
        return scaled;
    }
}
