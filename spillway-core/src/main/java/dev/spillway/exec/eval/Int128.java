package dev.spillway.exec.eval;

/**
 * Two's-complement 128-bit arithmetic on (high, low) long pairs, for DECIMAL above 18 digits. Results
 * that need two longs are written to a caller-supplied array to avoid allocation in loops.
 */
public final class Int128 {
    private Int128() {}

    public static int compare(long aHigh, long aLow, long bHigh, long bLow) {
        if (aHigh != bHigh) {
            return aHigh < bHigh ? -1 : 1;
        }
        return Integer.signum(Long.compareUnsigned(aLow, bLow));
    }

    /** out = a + b; returns true on overflow. */
    public static boolean add(long aHigh, long aLow, long bHigh, long bLow, long[] out) {
        long low = aLow + bLow;
        long carry = Long.compareUnsigned(low, aLow) < 0 ? 1 : 0;
        long high = aHigh + bHigh + carry;
        out[0] = high;
        out[1] = low;
        // Overflow when both operands have the same sign and the result's sign differs.
        return ((aHigh ^ high) & (bHigh ^ high)) < 0;
    }

    /** out = a - b; returns true on overflow. */
    public static boolean subtract(long aHigh, long aLow, long bHigh, long bLow, long[] out) {
        long low = aLow - bLow;
        long borrow = Long.compareUnsigned(aLow, bLow) < 0 ? 1 : 0;
        long high = aHigh - bHigh - borrow;
        out[0] = high;
        out[1] = low;
        return ((aHigh ^ bHigh) & (aHigh ^ high)) < 0;
    }

    /** out = a * b (signed); returns true if the product does not fit in 128 bits. */
    public static boolean multiply(long aHigh, long aLow, long bHigh, long bLow, long[] out) {
        boolean negative = (aHigh < 0) != (bHigh < 0);
        if (aHigh < 0) {
            long[] n = negate(aHigh, aLow);
            aHigh = n[0];
            aLow = n[1];
        }
        if (bHigh < 0) {
            long[] n = negate(bHigh, bLow);
            bHigh = n[0];
            bLow = n[1];
        }
        if (aHigh != 0 && bHigh != 0) {
            return true;
        }
        long low = aLow * bLow;
        long high = Math.unsignedMultiplyHigh(aLow, bLow);
        long cross1 = aHigh * bLow;
        long cross2 = aLow * bHigh;
        if ((aHigh != 0 && Math.unsignedMultiplyHigh(aHigh, bLow) != 0) || (bHigh != 0 && Math.unsignedMultiplyHigh(aLow, bHigh) != 0)) {
            return true;
        }
        long sum = high + cross1;
        boolean overflow = Long.compareUnsigned(sum, high) < 0;
        long sum2 = sum + cross2;
        overflow |= Long.compareUnsigned(sum2, sum) < 0;
        if (overflow || sum2 < 0) {
            return true;
        }
        if (negative) {
            long[] n = negate(sum2, low);
            out[0] = n[0];
            out[1] = n[1];
        } else {
            out[0] = sum2;
            out[1] = low;
        }
        return false;
    }

    public static long[] negate(long high, long low) {
        long newLow = -low;
        long newHigh = ~high + (low == 0 ? 1 : 0);
        return new long[] {newHigh, newLow};
    }

    /** True if |value| >= 10^precision, i.e. it does not fit a DECIMAL of that precision. */
    public static boolean exceedsPrecision(long high, long low, int precision) {
        java.math.BigInteger limit = dev.spillway.types.Decimals.bigPowerOfTen(precision);
        java.math.BigInteger value = dev.spillway.data.Values.int128(low, high);
        return value.abs().compareTo(limit) >= 0;
    }
}
