package dev.spillway.sql.translate;

import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.Literal;
import dev.spillway.sql.calcite.TypeConversions;
import dev.spillway.types.DataType;
import dev.spillway.types.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

/**
 * Calcite literals as Spillway literals. Calcite types constants as DuckDB does (an integer is INTEGER when it
 * fits, else BIGINT; {@code 1.5} is DECIMAL(2,1); {@code 1e3} is DOUBLE); {@code INTERVAL '3' MONTH} becomes an
 * {@link Interval} of months, days and microseconds.
 */
final class LiteralTranslator {
    private static final long MICROS_PER_MILLI = 1_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private LiteralTranslator() {}

    static Literal translate(RexLiteral literal) {
        RelDataType type = literal.getType();
        SqlTypeName name = type.getSqlTypeName();
        if (literal.isNull()) {
            return Literal.nullOf(name == SqlTypeName.NULL ? DataType.NULL : TypeConversions.toSpillway(type));
        }
        return switch (name) {
            case BOOLEAN -> Literal.of(Boolean.TRUE.equals(literal.getValueAs(Boolean.class)));
            // Calcite types constants as DuckDB does (INTEGER if it fits, else BIGINT; 1.5 is DECIMAL(2,1)), and
            // a folded cast has the cast's type: keep the type.
            case TINYINT, SMALLINT, INTEGER -> Literal.of(literal.getValueAs(BigDecimal.class).intValueExact());
            case BIGINT -> Literal.of(literal.getValueAs(BigDecimal.class).longValueExact());
            case DECIMAL -> decimal(literal.getValueAs(BigDecimal.class), TypeConversions.toSpillway(type));
            case FLOAT, REAL, DOUBLE -> Literal.of(literal.getValueAs(Double.class));
            case CHAR, VARCHAR -> Literal.of(literal.getValueAs(NlsString.class).getValue());
            case DATE -> Literal.of(LocalDate.parse(literal.getValueAs(DateString.class).toString()));
            case TIMESTAMP -> new Literal(LocalDateTime.parse(literal.getValueAs(TimestampString.class).toString().replace(' ', 'T')),
                    DataType.TIMESTAMP);
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH ->
                    new Literal(new Interval(literal.getValueAs(BigDecimal.class).intValueExact(), 0, 0), DataType.INTERVAL);
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR, INTERVAL_HOUR_MINUTE,
                    INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND, INTERVAL_SECOND ->
                    dayTimeInterval(literal.getValueAs(BigDecimal.class).longValueExact(), type.getIntervalQualifier().getStartUnit());
            default -> throw SpillwayException.userError("constants of type %s are not supported", type.getSqlTypeName());
        };
    }

    private static Literal decimal(BigDecimal value, DataType type) {
        return new Literal(value.setScale(type.scale(), RoundingMode.UNNECESSARY), type);
    }

    /** Calcite keeps day-time intervals as milliseconds; DuckDB keeps whole days apart when the unit is days. */
    private static Literal dayTimeInterval(long millis, TimeUnit startUnit) {
        if (startUnit == TimeUnit.DAY || startUnit == TimeUnit.WEEK) {
            long days = millis / MILLIS_PER_DAY;
            long rest = millis % MILLIS_PER_DAY;
            return new Literal(new Interval(0, Math.toIntExact(days), rest * MICROS_PER_MILLI), DataType.INTERVAL);
        }
        return new Literal(new Interval(0, 0, millis * MICROS_PER_MILLI), DataType.INTERVAL);
    }
}
