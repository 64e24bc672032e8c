package dev.spillway.exec.eval;

import dev.spillway.data.Batch;
import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.Function;
import dev.spillway.types.DataType;
import dev.spillway.types.Interval;
import dev.spillway.types.TypeId;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Date and timestamp kernels: EXTRACT, date_trunc, + INTERVAL (constant), + days, date - date.
 * Dates are epoch days (int), timestamps epoch microseconds (long).
 */
final class TemporalExpression implements VectorExpression {
    private final Function function;
    private final VectorExpression input;
    private final VectorExpression second;
    private final String unit;
    private final Interval interval;
    private final DataType type;

    private TemporalExpression(Function function, VectorExpression input, VectorExpression second, String unit, Interval interval, DataType type) {
        this.function = function;
        this.input = input;
        this.second = second;
        this.unit = unit;
        this.interval = interval;
        this.type = type;
    }

    static TemporalExpression extract(String field, VectorExpression input, DataType type) {
        return new TemporalExpression(Function.EXTRACT, input, null, field, null, type);
    }

    static TemporalExpression truncate(String unit, VectorExpression input) {
        return new TemporalExpression(Function.DATE_TRUNC, input, null, unit, null, DataType.TIMESTAMP);
    }

    static TemporalExpression addInterval(VectorExpression timestamp, Interval interval) {
        return new TemporalExpression(Function.ADD_INTERVAL, timestamp, null, null, interval, DataType.TIMESTAMP);
    }

    static TemporalExpression addDays(VectorExpression date, VectorExpression days) {
        return new TemporalExpression(Function.ADD_DAYS, date, days, null, null, DataType.DATE);
    }

    static TemporalExpression dateDiff(VectorExpression left, VectorExpression right) {
        return new TemporalExpression(Function.DATE_DIFF_DAYS, left, right, null, null, DataType.BIGINT);
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public FieldVector evaluate(Batch batch, EvalContext context) {
        int rows = batch.rowCount();
        try (FieldVector a = input.evaluate(batch, context); FieldVector b = second == null ? null : second.evaluate(batch, context)) {
            FieldVector out = Results.newVector(type, rows, context);
            try {
                if (a instanceof NullVector || b instanceof NullVector) {
                    out.getValidityBuffer().setZero(0, Bits.wordBytes(rows));
                    out.setValueCount(rows);
                    return out;
                }
                ArrowBuf x = a.getDataBuffer();
                ArrowBuf z = out.getDataBuffer();
                boolean date = input.type().id() == TypeId.DATE;
                switch (function) {
                    case EXTRACT -> {
                        for (int i = 0; i < rows; i++) {
                            long micros = date ? x.getInt((long) i << 2) * Interval.MICROS_PER_DAY : x.getLong((long) i << 3);
                            if (type.id() == TypeId.DOUBLE) {
                                z.setDouble((long) i << 3, micros / 1_000_000.0);
                            } else {
                                z.setLong((long) i << 3, extract(micros));
                            }
                        }
                    }
                    case DATE_TRUNC -> {
                        for (int i = 0; i < rows; i++) {
                            long micros = date ? x.getInt((long) i << 2) * Interval.MICROS_PER_DAY : x.getLong((long) i << 3);
                            z.setLong((long) i << 3, truncate(micros));
                        }
                    }
                    case ADD_INTERVAL -> {
                        ArrowBuf valid = a.getValidityBuffer();
                        for (int i = 0; i < rows; i++) {
                            long micros = x.getLong((long) i << 3);
                            long day = Math.floorDiv(micros, Interval.MICROS_PER_DAY);
                            long timeOfDay = micros - day * Interval.MICROS_PER_DAY;
                            long newDay = CivilDates.plusMonths(day, interval.months()) + interval.days();
                            long result = newDay * Interval.MICROS_PER_DAY + timeOfDay + interval.micros();
                            if (Bits.isSet(valid, i) && Math.abs(newDay) > 100_000_000L) {
                                throw SpillwayException.userError("timestamp out of range after adding %s", interval);
                            }
                            z.setLong((long) i << 3, result);
                        }
                    }
                    case ADD_DAYS -> {
                        ArrowBuf y = b.getDataBuffer();
                        for (int i = 0; i < rows; i++) {
                            long result = (long) x.getInt((long) i << 2) + y.getInt((long) i << 2);
                            if (result != (int) result && Bits.isSet(a.getValidityBuffer(), i) && Bits.isSet(b.getValidityBuffer(), i)) {
                                throw SpillwayException.userError("date out of range");
                            }
                            z.setInt((long) i << 2, (int) result);
                        }
                    }
                    case DATE_DIFF_DAYS -> {
                        ArrowBuf y = b.getDataBuffer();
                        for (int i = 0; i < rows; i++) {
                            z.setLong((long) i << 3, (long) x.getInt((long) i << 2) - y.getInt((long) i << 2));
                        }
                    }
                    default -> throw new IllegalStateException(function.toString());
                }
                if (b == null) {
                    Results.validityFrom(out, a, rows);
                } else {
                    Results.validityFrom(out, a, b, rows);
                }
                out.setValueCount(rows);
                return out;
            } catch (RuntimeException | Error e) {
                out.close();
                throw e;
            }
        }
    }

    private long extract(long micros) {
        long day = Math.floorDiv(micros, Interval.MICROS_PER_DAY);
        long timeOfDay = micros - day * Interval.MICROS_PER_DAY;
        switch (unit) {
            case "hour" -> {
                return timeOfDay / 3_600_000_000L;
            }
            case "minute" -> {
                return timeOfDay / 60_000_000L % 60;
            }
            case "second" -> {
                return timeOfDay / 1_000_000L % 60;
            }
            case "millisecond" -> {
                return timeOfDay / 1000 % 60_000;
            }
            case "microsecond" -> {
                return timeOfDay % 60_000_000L;
            }
            default -> { }
        }
        long packed = CivilDates.civil(day);
        long year = CivilDates.year(packed);
        return switch (unit) {
            case "year" -> year;
            case "month" -> CivilDates.month(packed);
            case "day" -> CivilDates.day(packed);
            case "quarter" -> (CivilDates.month(packed) - 1) / 3 + 1;
            case "decade" -> Math.floorDiv(year, 10);
            case "century" -> year > 0 ? (year - 1) / 100 + 1 : -((-year) / 100 + 1);
            case "millennium" -> year > 0 ? (year - 1) / 1000 + 1 : -((-year) / 1000 + 1);
            case "dow", "dayofweek" -> Math.floorMod(day + 4, 7);
            case "isodow" -> Math.floorMod(day + 3, 7) + 1;
            case "doy", "dayofyear" -> day - CivilDates.epochDay(year, 1, 1) + 1;
            case "week" -> LocalDate.ofEpochDay(day).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            default -> throw SpillwayException.userError("extract does not know the field '%s'", unit);
        };
    }

    private long truncate(long micros) {
        long day = Math.floorDiv(micros, Interval.MICROS_PER_DAY);
        long timeOfDay = micros - day * Interval.MICROS_PER_DAY;
        long dayStart = day * Interval.MICROS_PER_DAY;
        return switch (unit) {
            case "second" -> dayStart + timeOfDay / 1_000_000L * 1_000_000L;
            case "minute" -> dayStart + timeOfDay / 60_000_000L * 60_000_000L;
            case "hour" -> dayStart + timeOfDay / 3_600_000_000L * 3_600_000_000L;
            case "day" -> dayStart;
            case "week" -> {
                LocalDate date = LocalDate.ofEpochDay(day);
                yield date.with(DayOfWeek.MONDAY).toEpochDay() * Interval.MICROS_PER_DAY;
            }
            default -> {
                long packed = CivilDates.civil(day);
                long year = CivilDates.year(packed);
                int month = CivilDates.month(packed);
                long truncated = switch (unit) {
                    case "month" -> CivilDates.epochDay(year, month, 1);
                    case "quarter" -> CivilDates.epochDay(year, (month - 1) / 3 * 3 + 1, 1);
                    case "year" -> CivilDates.epochDay(year, 1, 1);
                    case "decade" -> CivilDates.epochDay(Math.floorDiv(year, 10) * 10, 1, 1);
                    case "century" -> CivilDates.epochDay(Math.floorDiv(year - 1, 100) * 100 + 1, 1, 1);
                    case "millennium" -> CivilDates.epochDay(Math.floorDiv(year - 1, 1000) * 1000 + 1, 1, 1);
                    default -> throw SpillwayException.userError("date_trunc does not know the unit '%s'", unit);
                };
                yield truncated * Interval.MICROS_PER_DAY;
            }
        };
    }
}
