package dev.spillway.bench.harness;

import dev.spillway.bench.compare.CapturedResult;
import dev.spillway.bench.engine.EngineKind;
import dev.spillway.bench.report.Durations;
import dev.spillway.bench.report.EngineResult;
import dev.spillway.bench.rss.RunRss;
import dev.spillway.bench.tempfiles.RunTempSpace;
import dev.spillway.bench.tempfiles.TempSpaceSampler;
import dev.spillway.bench.worker.RunOutcome;
import dev.spillway.bench.worker.WorkerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one query in one engine's worker under the run policy (see the package description) and turns
 * the runs into an {@link EngineMeasurement}. While each run goes on, the size of the engine's temporary
 * folder is sampled from here ({@link TempSpaceSampler}).
 */
final class QueryMeasurer {
    private QueryMeasurer() {}

    static EngineMeasurement measure(WorkerSlot slot, String sql, RunPolicy policy, Path answerFile) {
        EngineKind engine = slot.spec().engine();
        List<String> problems = new ArrayList<>();
        Optional<CapturedResult> answer = Optional.empty();
        long answerRows = -1;
        int totalRuns = policy.warmupRuns() + policy.timedRuns();
        List<Long> timedNanos = new ArrayList<>();
        RunRss largestPeak = RunRss.UNKNOWN;
        RunTempSpace largestTempSpace = RunTempSpace.UNKNOWN;
        for (int run = 0; run < totalRuns; run++) {
            boolean capture = run == 0;
            RunOutcome outcome;
            RunTempSpace tempSpace;
            try {
                WorkerProcess worker = slot.worker(); // may start a worker: not part of the run
                try (TempSpaceSampler sampler = TempSpaceSampler.start(slot.spec().setup().tempDirectory(), TempSpaceSampler.DEFAULT_PERIOD)) {
                    outcome = worker.run(sql, capture ? Optional.of(answerFile) : Optional.empty(), policy.timeout());
                    tempSpace = sampler.stop();
                }
            } catch (IOException e) {
                outcome = new RunOutcome.Failed(e.getMessage());
                tempSpace = RunTempSpace.UNKNOWN;
            }
            String which = run < policy.warmupRuns()
                    ? "warm-up run " + (run + 1) + " of " + policy.warmupRuns()
                    : "timed run " + (run - policy.warmupRuns() + 1) + " of " + policy.timedRuns();
            switch (outcome) {
                case RunOutcome.Failed failed -> {
                    String error = engine.displayName() + " failed in " + which + ": " + failed.message();
                    return new EngineMeasurement(EngineResult.failed(engine, EngineResult.Status.ERROR, error), answer, problems);
                }
                case RunOutcome.TimedOut timedOut -> {
                    String error = engine.displayName() + " did not finish " + which + " within "
                            + Durations.format(timedOut.timeout()) + " (worker killed)";
                    return new EngineMeasurement(EngineResult.failed(engine, EngineResult.Status.TIMEOUT, error), answer, problems);
                }
                case RunOutcome.Completed completed -> {
                    if (capture) {
                        answer = Optional.of(readAnswer(answerFile));
                        answerRows = completed.rows();
                    } else if (completed.rows() != answerRows) {
                        problems.add(engine.displayName() + " returned " + completed.rows() + " rows in " + which
                                + " but " + answerRows + " in the first warm-up run");
                    }
                    if (run >= policy.warmupRuns()) {
                        timedNanos.add(completed.nanos());
                        if (completed.rss().peakBytes() > largestPeak.peakBytes()) {
                            largestPeak = completed.rss();
                        }
                        if (tempSpace.peakBytes() > largestTempSpace.peakBytes()) {
                            largestTempSpace = tempSpace;
                        }
                    }
                }
            }
        }
        return new EngineMeasurement(EngineResult.completed(engine, timedNanos, largestPeak, largestTempSpace), answer, problems);
    }

    private static CapturedResult readAnswer(Path file) {
        try {
            return CapturedResult.read(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the answer the worker wrote to " + file, e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover file in a temporary directory is harmless.
            }
        }
    }
}
