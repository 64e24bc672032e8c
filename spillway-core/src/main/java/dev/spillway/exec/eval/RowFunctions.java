package dev.spillway.exec.eval;

import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.Function;
import dev.spillway.types.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Value-at-a-time implementations of the less frequent scalar functions (see {@link RowwiseExpression}). */
final class RowFunctions {
    private RowFunctions() {}

    static RowwiseExpression.RowFunction of(Function function, DataType type) {
        return switch (function) {
            case CONCAT -> args -> {
                StringBuilder text = new StringBuilder();
                for (Object arg : args) {
                    if (arg != null) {
                        text.append((String) arg);
                    }
                }
                return text.toString();
            };
            case CONCAT_OPERATOR -> args -> {
                StringBuilder text = new StringBuilder();
                for (Object arg : args) {
                    text.append((String) arg);
                }
                return text.toString();
            };
            case TRIM -> args -> strip((String) args[0], true, true);
            case LTRIM -> args -> strip((String) args[0], true, false);
            case RTRIM -> args -> strip((String) args[0], false, true);
            case STARTS_WITH -> args -> ((String) args[0]).startsWith((String) args[1]);
            case CONTAINS -> args -> ((String) args[0]).contains((String) args[1]);
            case REPLACE -> args -> ((String) args[1]).isEmpty() ? args[0] : ((String) args[0]).replace((String) args[1], (String) args[2]);
            case ABS -> args -> switch (args[0]) {
                case Integer i -> {
                    if (i == Integer.MIN_VALUE) {
                        throw SpillwayException.userError("overflow in abs of INTEGER (%d)", i);
                    }
                    yield Math.abs(i);
                }
                case Long l -> {
                    if (l == Long.MIN_VALUE) {
                        throw SpillwayException.userError("overflow in abs of BIGINT (%d)", l);
                    }
                    yield Math.abs(l);
                }
                case Double d -> Math.abs(d);
                case BigDecimal d -> d.abs();
                default -> throw new IllegalStateException();
            };
            case SIGN -> args -> switch (args[0]) {
                case Double d -> d.isNaN() ? 0 : (int) Math.signum(d);
                case BigDecimal d -> d.signum();
                case Number n -> Long.signum(n.longValue());
                default -> throw new IllegalStateException();
            };
            case ROUND -> args -> round(args[0], args[1] == null ? 0 : (Integer) args[1], type);
            case FLOOR -> args -> switch (args[0]) {
                case Double d -> Math.floor(d);
                case BigDecimal d -> d.setScale(0, RoundingMode.FLOOR);
                default -> args[0];
            };
            case CEIL -> args -> switch (args[0]) {
                case Double d -> Math.ceil(d);
                case BigDecimal d -> d.setScale(0, RoundingMode.CEILING);
                default -> args[0];
            };
            case SQRT -> args -> Math.sqrt((Double) args[0]);
            case LN -> args -> Math.log((Double) args[0]);
            case EXP -> args -> Math.exp((Double) args[0]);
            case POWER -> args -> Math.pow((Double) args[0], (Double) args[1]);
            default -> throw new IllegalArgumentException("no row function for " + function);
        };
    }

    private static String strip(String text, boolean leading, boolean trailing) {
        int start = 0;
        int end = text.length();
        while (leading && start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (trailing && end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }

    private static Object round(Object value, int digits, DataType type) {
        return switch (value) {
            case Double d -> {
                if (d.isNaN() || d.isInfinite()) {
                    yield d;
                }
                double factor = Math.pow(10, digits);
                double scaled = d * factor;
                // Half away from zero, as C's round() used by DuckDB.
                double rounded = Math.signum(scaled) * Math.floor(Math.abs(scaled) + 0.5);
                yield Double.isInfinite(scaled) ? d : rounded / factor;
            }
            case BigDecimal d -> {
                BigDecimal rounded = d.setScale(digits, RoundingMode.HALF_UP);
                yield rounded.setScale(type.scale(), RoundingMode.HALF_UP);
            }
            case Integer i -> digits >= 0 ? i : BigDecimal.valueOf(i).setScale(digits, RoundingMode.HALF_UP).intValueExact();
            case Long l -> digits >= 0 ? l : BigDecimal.valueOf(l).setScale(digits, RoundingMode.HALF_UP).longValueExact();
            default -> throw new IllegalStateException();
        };
    }
}
