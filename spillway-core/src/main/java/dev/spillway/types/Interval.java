package dev.spillway.types;

/**
 * An interval value, kept as its three independent parts like DuckDB does: adding one month to
 * January 31 gives February 28/29, which no fixed number of days can express.
 */
public record Interval(int months, int days, long micros) {
    public static final long MICROS_PER_DAY = 86_400_000_000L;

    public Interval negate() {
        return new Interval(-months, -days, -micros);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (months != 0) {
            int years = months / 12;
            int rest = months % 12;
            if (years != 0) {
                text.append(years).append(Math.abs(years) == 1 ? " year " : " years ");
            }
            if (rest != 0) {
                text.append(rest).append(Math.abs(rest) == 1 ? " month " : " months ");
            }
        }
        if (days != 0) {
            text.append(days).append(Math.abs(days) == 1 ? " day " : " days ");
        }
        if (micros != 0 || text.isEmpty()) {
            long total = Math.abs(micros);
            text.append(micros < 0 ? "-" : "")
                    .append(String.format("%02d:%02d:%02d", total / 3_600_000_000L, total / 60_000_000L % 60, total / 1_000_000L % 60));
            if (total % 1_000_000L != 0) {
                text.append(String.format(".%06d", total % 1_000_000L));
            }
        }
        return text.toString().trim();
    }
}
