package dev.spillway.bench.harness;

import static java.util.Objects.requireNonNull;

import dev.spillway.bench.compare.Comparison;
import dev.spillway.bench.compare.QueryText;
import dev.spillway.bench.compare.ResultComparator;
import dev.spillway.bench.report.EngineResult;
import dev.spillway.bench.report.QueryOutcome;
import dev.spillway.bench.report.QueryStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs each query in the subject engine, then in the reference engine, compares their answers and
 * decides the query's status (see the package description).
 */
public final class SideBySide {
    private final WorkerSlot subject;
    private final WorkerSlot reference;
    private final RunPolicy policy;
    private final Path scratchDirectory;
    private final PrintStream log;

    /**
     * @param scratchDirectory where workers write answers for the harness to read (deleted after reading)
     * @param log              progress and loud problem reports, one line each
     */
    public SideBySide(WorkerSlot subject, WorkerSlot reference, RunPolicy policy, Path scratchDirectory, PrintStream log) {
        this.subject = requireNonNull(subject, "subject is null");
        this.reference = requireNonNull(reference, "reference is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.scratchDirectory = requireNonNull(scratchDirectory, "scratchDirectory is null");
        this.log = requireNonNull(log, "log is null");
    }

    public QueryOutcome run(String query, String sql) {
        EngineMeasurement subjectRun = QueryMeasurer.measure(subject, sql, policy, scratchDirectory.resolve(query + "-subject.answer"));
        EngineMeasurement referenceRun = QueryMeasurer.measure(reference, sql, policy, scratchDirectory.resolve(query + "-reference.answer"));
        List<String> problems = new ArrayList<>();
        addError(problems, subjectRun.result());
        addError(problems, referenceRun.result());
        problems.addAll(subjectRun.problems());
        problems.addAll(referenceRun.problems());
        boolean answersDiffer = false;
        if (subjectRun.answer().isPresent() && referenceRun.answer().isPresent()) {
            Comparison comparison = ResultComparator.compare(referenceRun.answer().get(), subjectRun.answer().get(),
                    QueryText.hasTopLevelOrderBy(sql));
            answersDiffer = !comparison.matches();
            for (String difference : comparison.differences()) {
                problems.add(subject.spec().engine().displayName() + "'s answer differs from "
                        + reference.spec().engine().displayName() + "'s: " + difference);
            }
        }
        QueryStatus status = status(subjectRun, referenceRun, answersDiffer);
        QueryOutcome outcome = new QueryOutcome(query, status, subjectRun.result(), referenceRun.result(), problems);
        report(outcome);
        return outcome;
    }

    /** The worst thing that happened: a wrong answer, then an error, then a timeout. */
    static QueryStatus status(EngineMeasurement subjectRun, EngineMeasurement referenceRun, boolean answersDiffer) {
        if (answersDiffer || !subjectRun.problems().isEmpty() || !referenceRun.problems().isEmpty()) {
            return QueryStatus.FAILED;
        }
        if (subjectRun.result().status() == EngineResult.Status.ERROR || referenceRun.result().status() == EngineResult.Status.ERROR) {
            return QueryStatus.ERROR;
        }
        if (subjectRun.result().status() == EngineResult.Status.TIMEOUT || referenceRun.result().status() == EngineResult.Status.TIMEOUT) {
            return QueryStatus.TIMEOUT;
        }
        return QueryStatus.OK;
    }

    private static String describe(EngineResult result) {
        return switch (result.status()) {
            case COMPLETED -> String.format(Locale.ROOT, "%.1f ms", result.medianMillis().orElseThrow());
            case ERROR -> "error";
            case TIMEOUT -> "timeout";
        };
    }

    private static void addError(List<String> problems, EngineResult result) {
        if (!result.completed()) {
            problems.add(result.error());
        }
    }

    private void report(QueryOutcome outcome) {
        String banner = outcome.status() == QueryStatus.FAILED ? "!!!!!!!! " : "";
        log.printf(Locale.ROOT, "%s%s %s: %s %s, %s %s%s%n", banner, outcome.query(), outcome.status(),
                outcome.subject().engine().displayName(), describe(outcome.subject()),
                outcome.reference().engine().displayName(), describe(outcome.reference()),
                outcome.ratio().isPresent() ? String.format(Locale.ROOT, ", ratio %.2f", outcome.ratio().getAsDouble()) : "");
        for (String problem : outcome.problems()) {
            log.printf("%s    %s%n", banner, problem);
        }
    }
}
