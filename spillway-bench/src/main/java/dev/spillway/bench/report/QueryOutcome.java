package dev.spillway.bench.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything measured and checked for one query.
 *
 * @param subject   the engine being benchmarked (Spillway)
 * @param reference the engine it is compared with (DuckDB), whose answer counts as the expected one
 * @param problems  why the status is not OK, in words: answer differences, errors, timeouts
 */
public record QueryOutcome(String query, QueryStatus status, EngineResult subject, EngineResult reference, List<String> problems) {
    public QueryOutcome {
        requireNonNull(query, "query is null");
        requireNonNull(status, "status is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(reference, "reference is null");
        problems = List.copyOf(problems);
    }

    /** Subject median over reference median: above 1 means the subject is slower. */
    public OptionalDouble ratio() {
        OptionalDouble subjectMillis = subject.medianMillis();
        OptionalDouble referenceMillis = reference.medianMillis();
        if (subjectMillis.isEmpty() || referenceMillis.isEmpty() || subjectMillis.getAsDouble() <= 0 || referenceMillis.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(subjectMillis.getAsDouble() / referenceMillis.getAsDouble());
    }
}
