package dev.spillway.exec.aggregate;

import dev.spillway.types.DataType;
import dev.spillway.types.TypeId;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Chooses the accumulator implementation for an aggregate. */
public final class Accumulators {
    private Accumulators() {}

    public static Accumulator create(AggregateSpec spec, BufferAllocator allocator) {
        DataType input = spec.inputType();
        return switch (spec.function()) {
            case COUNT_STAR, COUNT -> new CountAccumulator(allocator);
            case SUM -> new SumAccumulator(input, spec.resultType(), allocator);
            case AVG -> new AverageAccumulator(input, allocator);
            case MIN -> extreme(ExtremeAccumulator.Mode.MIN, input, allocator);
            case MAX -> extreme(ExtremeAccumulator.Mode.MAX, input, allocator);
            case ANY_VALUE -> extreme(ExtremeAccumulator.Mode.FIRST, input, allocator);
            case BOOL_AND -> new ExtremeAccumulator(ExtremeAccumulator.Mode.MIN, DataType.BOOLEAN, allocator);
            case BOOL_OR -> new ExtremeAccumulator(ExtremeAccumulator.Mode.MAX, DataType.BOOLEAN, allocator);
            case STDDEV_SAMP, VAR_SAMP, STDDEV_POP, VAR_POP -> new VarianceAccumulator(spec.function(), input, allocator);
        };
    }

    private static Accumulator extreme(ExtremeAccumulator.Mode mode, DataType type, BufferAllocator allocator) {
        return type.id() == TypeId.VARCHAR ? new StringExtremeAccumulator(mode, allocator) : new ExtremeAccumulator(mode, type, allocator);
    }

    /** The state column types of an aggregate, without allocating anything. */
    public static List<DataType> stateTypes(AggregateSpec spec) {
        DataType input = spec.inputType();
        return switch (spec.function()) {
            case COUNT_STAR, COUNT -> List.of(DataType.BIGINT);
            case SUM, MIN, MAX, ANY_VALUE, BOOL_AND, BOOL_OR -> List.of(spec.resultType());
            case AVG -> List.of(input.id() == TypeId.DOUBLE ? DataType.DOUBLE
                    : DataType.decimal(DataType.MAX_DECIMAL_PRECISION, input.isDecimal() ? input.scale() : 0), DataType.BIGINT);
            case STDDEV_SAMP, VAR_SAMP, STDDEV_POP, VAR_POP -> List.of(DataType.BIGINT, DataType.DOUBLE, DataType.DOUBLE);
        };
    }
}
