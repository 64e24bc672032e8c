package dev.spillway.exec.aggregate;

import static java.util.Objects.requireNonNull;

import dev.spillway.expr.AggregateFunction;
import dev.spillway.types.DataType;
import java.util.Arrays;

/**
 * One aggregate of a physical aggregation. {@code inputColumns} index the input batch: the argument
 * column for raw input (none for count(*)), or the state columns when {@code partialInput}. With
 * {@code partialOutput} the aggregate emits its state columns instead of its result, for a later
 * combining step.
 *
 * @param inputType the type of the original argument (it decides the state layout)
 */
public record AggregateSpec(AggregateFunction function, DataType inputType, DataType resultType, int[] inputColumns,
        boolean partialInput, boolean partialOutput) {
    public AggregateSpec {
        requireNonNull(function, "function is null");
        requireNonNull(inputType, "inputType is null");
        requireNonNull(resultType, "resultType is null");
        inputColumns = inputColumns.clone();
    }

    public AggregateSpec withInput(int[] columns, boolean partial) {
        return new AggregateSpec(function, inputType, resultType, columns, partial, partialOutput);
    }

    public AggregateSpec withPartialOutput(boolean partial) {
        return new AggregateSpec(function, inputType, resultType, inputColumns, partialInput, partial);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AggregateSpec spec && function == spec.function && inputType.equals(spec.inputType)
                && resultType.equals(spec.resultType) && Arrays.equals(inputColumns, spec.inputColumns)
                && partialInput == spec.partialInput && partialOutput == spec.partialOutput;
    }

    @Override
    public int hashCode() {
        return function.hashCode() * 31 + Arrays.hashCode(inputColumns);
    }

    @Override
    public String toString() {
        return function.sqlName() + Arrays.toString(inputColumns) + (partialInput ? " from partial" : "") + (partialOutput ? " to partial" : "");
    }
}
