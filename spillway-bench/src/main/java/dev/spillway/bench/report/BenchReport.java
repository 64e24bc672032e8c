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
 * @param preamble     the suite's own measurements, shown above the results (e.g. the disk's bandwidth)
 * @param notes        the suite's own explanations, shown at the end (e.g. what each query computes)
 */
public record BenchReport(String title, List<Setting> settings, MachineInfo machine, EngineInfo subject, EngineInfo reference,
                          List<QueryOutcome> outcomes, ZonedDateTime started, ZonedDateTime finished,
                          String loadAtStart, String loadAtEnd, List<Section> preamble, List<Section> notes) {
    /** One setting as shown in a report. */
    public record Setting(String name, String value) {
        public Setting {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    /** A titled list of lines a suite adds to its report; each line is one bullet, Markdown allowed. */
    public record Section(String title, List<String> lines) {
        public Section {
            requireNonNull(title, "title is null");
            lines = List.copyOf(lines);
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
        preamble = List.copyOf(preamble);
        notes = List.copyOf(notes);
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
