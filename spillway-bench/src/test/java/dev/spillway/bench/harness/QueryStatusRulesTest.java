package dev.spillway.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.bench.engine.EngineKind;
import dev.spillway.bench.report.EngineResult;
import dev.spillway.bench.report.QueryStatus;
import dev.spillway.bench.rss.RunRss;
import dev.spillway.bench.tempfiles.RunTempSpace;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status of a query is the worst thing that happened to it: wrong answer, then error, then timeout. */
class QueryStatusRulesTest {
    private static final EngineMeasurement SPILLWAY_OK = measurement(EngineResult.completed(EngineKind.SPILLWAY, List.of(1L), RunRss.UNKNOWN, RunTempSpace.UNKNOWN));
    private static final EngineMeasurement DUCKDB_OK = measurement(EngineResult.completed(EngineKind.DUCKDB, List.of(1L), RunRss.UNKNOWN, RunTempSpace.UNKNOWN));
    private static final EngineMeasurement SPILLWAY_TIMEOUT =
            measurement(EngineResult.failed(EngineKind.SPILLWAY, EngineResult.Status.TIMEOUT, "too slow"));
    private static final EngineMeasurement DUCKDB_ERROR =
            measurement(EngineResult.failed(EngineKind.DUCKDB, EngineResult.Status.ERROR, "boom"));

    private static EngineMeasurement measurement(EngineResult result, String... problems) {
        return new EngineMeasurement(result, Optional.empty(), List.of(problems));
    }

    @Test
    void okOnlyWhenEverythingWentWell() {
        assertThat(SideBySide.status(SPILLWAY_OK, DUCKDB_OK, false)).isEqualTo(QueryStatus.OK);
    }

    @Test
    void differentAnswersOrUnstableRowCountsFail() {
        assertThat(SideBySide.status(SPILLWAY_OK, DUCKDB_OK, true)).isEqualTo(QueryStatus.FAILED);
        EngineMeasurement unstable = measurement(EngineResult.completed(EngineKind.SPILLWAY, List.of(1L), RunRss.UNKNOWN, RunTempSpace.UNKNOWN), "rows changed");
        assertThat(SideBySide.status(unstable, DUCKDB_OK, false)).isEqualTo(QueryStatus.FAILED);
        // A wrong warm-up answer is still a wrong answer when a later run timed out.
        assertThat(SideBySide.status(SPILLWAY_TIMEOUT, DUCKDB_OK, true)).isEqualTo(QueryStatus.FAILED);
    }

    @Test
    void errorsComeBeforeTimeouts() {
        assertThat(SideBySide.status(SPILLWAY_OK, DUCKDB_ERROR, false)).isEqualTo(QueryStatus.ERROR);
        assertThat(SideBySide.status(SPILLWAY_TIMEOUT, DUCKDB_ERROR, false)).isEqualTo(QueryStatus.ERROR);
        assertThat(SideBySide.status(SPILLWAY_TIMEOUT, DUCKDB_OK, false)).isEqualTo(QueryStatus.TIMEOUT);
    }

    @Test
    void thePolicyNeedsATimedRunAndATimeoutButWarmupRunsAreOptional() {
        assertThat(new RunPolicy(0, 1, Duration.ofSeconds(1)).warmupRuns()).isZero();
        assertThatThrownBy(() -> new RunPolicy(-1, 3, Duration.ofSeconds(1))).hasMessageContaining("warm-up");
        assertThatThrownBy(() -> new RunPolicy(1, 0, Duration.ofSeconds(1))).hasMessageContaining("timed run");
        assertThatThrownBy(() -> new RunPolicy(1, 1, Duration.ZERO)).hasMessageContaining("timeout");
    }
}
