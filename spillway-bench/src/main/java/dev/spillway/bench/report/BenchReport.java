package dev.spillway.bench.report;

import static java.util.Objects.requireNonNull;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A finished benchmark run: what was run where, with which settings, and what came out.
 *
 * @param settings     the suite's settings as name-value pairs, in the order to show them
 * @param loadAtStart  load average when the first query started ({@link MachineInfo#loadAverage})
 * @param loadAtEnd    load average after the last query
 */
public record BenchReport(String title, List<Setting> settings, MachineInfo machine, EngineInfo subject, EngineInfo reference,
                          List<QueryOutcome> outcomes, ZonedDateTime started, ZonedDateTime finished,
                          String loadAtStart, String loadAtEnd) {
    /** One setting as shown in a report. */
    public record Setting(String name, String value) {
        public Setting {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    public BenchReport {
        requireNonNull(title, "title is null");
        settings = List.copyOf(settings);
        requireNonNull(machine, "machine is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(reference, "reference is null");
        outcomes = List.copyOf(outcomes);
        requireNonNull(started, "started is null");
        requireNonNull(finished, "finished is null");
    }

    /**
     * The geometric mean of the time ratios over the OK queries only: a query that timed out has no
     * ratio, and one that gave a wrong answer does not deserve one.
     */
    public OptionalDouble geometricMeanRatio() {
        return Statistics.geometricMean(okRatios());
    }

    public int ratioCount() {
        return okRatios().size();
    }

    public long count(QueryStatus status) {
        return outcomes.stream().filter(outcome -> outcome.status() == status).count();
    }

    private List<Double> okRatios() {
        return outcomes.stream()
                .filter(outcome -> outcome.status() == QueryStatus.OK && outcome.ratio().isPresent())
                .map(outcome -> outcome.ratio().getAsDouble())
                .toList();
    }
}
