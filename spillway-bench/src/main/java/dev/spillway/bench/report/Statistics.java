package dev.spillway.bench.report;

import java.util.List;
import java.util.OptionalDouble;

/** The few statistics the reports use. */
public final class Statistics {
    private Statistics() {}

    /** The median; for an even count, the mean of the two middle values. */
    public static double median(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + (double) sorted.get(middle)) / 2;
    }

    /**
     * The geometric mean: the right average of ratios, since a query twice as fast and one twice as slow
     * average to 1, not to 1.25.
     */
    public static OptionalDouble geometricMean(List<Double> ratios) {
        if (ratios.isEmpty()) {
            return OptionalDouble.empty();
        }
        double logSum = 0;
        for (double ratio : ratios) {
            if (!(ratio > 0) || Double.isInfinite(ratio)) {
                throw new IllegalArgumentException("ratios must be positive and finite, got " + ratio);
            }
            logSum += Math.log(ratio);
        }
        return OptionalDouble.of(Math.exp(logSum / ratios.size()));
    }
}
