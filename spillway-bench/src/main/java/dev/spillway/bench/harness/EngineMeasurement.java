package dev.spillway.bench.harness;

import static java.util.Objects.requireNonNull;

import dev.spillway.bench.compare.CapturedResult;
import dev.spillway.bench.report.EngineResult;
import java.util.List;
import java.util.Optional;

/**
 * One engine's work on one query: its times (or why there are none), its answer if the first warm-up run
 * produced one, and anything suspicious seen on the way.
 */
record EngineMeasurement(EngineResult result, Optional<CapturedResult> answer, List<String> problems) {
    EngineMeasurement {
        requireNonNull(result, "result is null");
        requireNonNull(answer, "answer is null");
        problems = List.copyOf(problems);
    }
}
