package dev.spillway.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spillway.bench.engine.EngineKind;
import dev.spillway.bench.engine.EngineSetup;
import dev.spillway.bench.report.EngineResult;
import dev.spillway.bench.report.QueryOutcome;
import dev.spillway.bench.report.QueryStatus;
import dev.spillway.bench.worker.ChildJvm;
import dev.spillway.bench.worker.WorkerSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness loop with real worker processes. Both sides host DuckDB (quick to start) over small files
 * DuckDB writes itself; giving the two sides different files is how a wrong answer is staged.
 */
class SideBySideTest {
    @TempDir
    static Path directory;

    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    /** Workers are shared by the tests (starting JVMs is the slow part); a killed one restarts by itself. */
    private static WorkerSlot threeRows;
    private static WorkerSlot alsoThreeRows;
    private static WorkerSlot fiveRows;

    @BeforeAll
    static void writeFilesAndPrepareWorkers() throws SQLException {
        Path three = directory.resolve("three.parquet");
        Path five = directory.resolve("five.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT range AS k, range * 0.5 AS d FROM range(3)) TO '" + three + "' (FORMAT parquet)");
            statement.execute("COPY (SELECT range AS k, range * 0.5 AS d FROM range(5)) TO '" + five + "' (FORMAT parquet)");
        }
        threeRows = duckDb("a", three);
        alsoThreeRows = duckDb("b", three);
        fiveRows = duckDb("c", five);
    }

    @AfterAll
    static void stopWorkers() {
        threeRows.close();
        alsoThreeRows.close();
        fiveRows.close();
    }

    private static WorkerSlot duckDb(String name, Path file) {
        EngineSetup setup = new EngineSetup(List.of(new EngineSetup.ParquetTable("t", file)), 1, Optional.empty(),
                directory.resolve(name + "-spill"), directory.resolve(name + "-output"));
        return new WorkerSlot(ChildJvm.likeThisJvm("256m"), new WorkerSpec(EngineKind.DUCKDB, setup), Duration.ofMinutes(1), log());
    }

    private static PrintStream log() {
        return new PrintStream(LOG, true, StandardCharsets.UTF_8);
    }

    private static String logText() {
        return LOG.toString(StandardCharsets.UTF_8);
    }

    private static SideBySide sideBySide(WorkerSlot subject, WorkerSlot reference, Duration timeout) {
        return new SideBySide(subject, reference, new RunPolicy(1, 2, timeout), directory, log());
    }

    @Test
    void withoutWarmupRunsTheFirstTimedRunsAnswerIsTheOneCompared() {
        SideBySide noWarmup = new SideBySide(threeRows, fiveRows, new RunPolicy(0, 1, Duration.ofMinutes(1)), directory, log());
        QueryOutcome outcome = noWarmup.run("Q7", "SELECT count(*) AS n FROM t");
        assertThat(outcome.status()).isEqualTo(QueryStatus.FAILED);
        assertThat(outcome.problems()).containsExactly("DuckDB's answer differs from DuckDB's: sorted row 1, column n: expected 5 (Long), got 3 (Long)");
        assertThat(outcome.subject().timedNanos()).hasSize(1);
    }

    @Test
    void theTemporaryFolderIsMeasuredDuringEachRun() {
        QueryOutcome outcome = sideBySide(threeRows, alsoThreeRows, Duration.ofMinutes(1)).run("Q8", "SELECT sum(k) AS s FROM t");
        // Three rows spill nothing; what matters here is that the size was measured, not guessed.
        assertThat(outcome.subject().tempSpace().known()).isTrue();
        assertThat(outcome.subject().peakTempMiB()).hasValue(0);
        assertThat(outcome.reference().peakTempMiB()).hasValue(0);
    }

    @Test
    void sameAnswersAreOkWithTimesForBothSides() {
        QueryOutcome outcome = sideBySide(threeRows, alsoThreeRows, Duration.ofMinutes(1)).run("Q1", "SELECT k, d FROM t ORDER BY k");
        assertThat(outcome.status()).isEqualTo(QueryStatus.OK);
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.subject().timedNanos()).hasSize(2);
        assertThat(outcome.reference().timedNanos()).hasSize(2);
        assertThat(outcome.ratio()).isPresent();
        assertThat(logText()).contains("Q1 OK");
    }

    @Test
    void differentAnswersFailLoudly() {
        QueryOutcome outcome = sideBySide(threeRows, fiveRows, Duration.ofMinutes(1)).run("Q2", "SELECT count(*) AS n FROM t");
        assertThat(outcome.status()).isEqualTo(QueryStatus.FAILED);
        assertThat(outcome.problems()).containsExactly("DuckDB's answer differs from DuckDB's: sorted row 1, column n: expected 5 (Long), got 3 (Long)");
        // Times are still measured and shown: a wrong answer is flagged, not hidden.
        assertThat(outcome.subject().completed()).isTrue();
        assertThat(logText()).contains("!!!!!!!! Q2 FAILED", "!!!!!!!!     DuckDB's answer differs");
    }

    @Test
    void anEngineErrorIsAnErrorAndTheWorkerCarriesOn() {
        SideBySide sideBySide = sideBySide(threeRows, alsoThreeRows, Duration.ofMinutes(1));
        QueryOutcome outcome = sideBySide.run("Q3", "SELECT * FROM no_such_table");
        assertThat(outcome.status()).isEqualTo(QueryStatus.ERROR);
        assertThat(outcome.subject().status()).isEqualTo(EngineResult.Status.ERROR);
        assertThat(outcome.subject().error()).contains("failed in warm-up run 1 of 1", "no_such_table");
        assertThat(sideBySide.run("Q4", "SELECT sum(k) AS s FROM t").status()).isEqualTo(QueryStatus.OK);
    }

    @Test
    void aRunOverTheTimeoutIsATimeoutAndTheNextQueryGetsAFreshWorker() {
        // A trillion-row cross join: it will not finish in one second.
        String endless = "SELECT sum(a.range * b.range) AS s FROM range(1000000) a, range(1000000) b";
        QueryOutcome outcome = sideBySide(threeRows, alsoThreeRows, Duration.ofSeconds(1)).run("Q5", endless);
        assertThat(outcome.status()).isEqualTo(QueryStatus.TIMEOUT);
        assertThat(outcome.subject().status()).isEqualTo(EngineResult.Status.TIMEOUT);
        assertThat(outcome.problems()).contains("DuckDB did not finish warm-up run 1 of 1 within 1 s (worker killed)");
        QueryOutcome next = sideBySide(threeRows, alsoThreeRows, Duration.ofMinutes(1)).run("Q6", "SELECT max(d) AS m FROM t");
        assertThat(next.status()).isEqualTo(QueryStatus.OK);
        assertThat(logText()).contains("worker has exited", "starting a new one");
    }
}
