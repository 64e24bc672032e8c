package dev.spillway.bench.harness;

import static java.util.Objects.requireNonNull;

import dev.spillway.bench.report.EngineInfo;
import dev.spillway.bench.worker.ChildJvm;
import dev.spillway.bench.worker.WorkerProcess;
import dev.spillway.bench.worker.WorkerSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * The worker of one engine, started on first use and started again after it was killed (timeout) or
 * died (crash), so that one bad query costs that query only.
 */
public final class WorkerSlot implements AutoCloseable {
    private final ChildJvm jvm;
    private final WorkerSpec spec;
    private final Duration startTimeout;
    private final PrintStream log;
    private WorkerProcess worker;
    private EngineInfo firstInfo;

    public WorkerSlot(ChildJvm jvm, WorkerSpec spec, Duration startTimeout, PrintStream log) {
        this.jvm = requireNonNull(jvm, "jvm is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.startTimeout = requireNonNull(startTimeout, "startTimeout is null");
        this.log = requireNonNull(log, "log is null");
    }

    public WorkerSpec spec() {
        return spec;
    }

    /** A running worker: the current one, or a new one if there is none or it is gone. */
    public WorkerProcess worker() throws IOException {
        if (worker != null && !worker.isAlive()) {
            log.println(spec.engine().displayName() + " worker has exited (code " + worker.exitCode() + "); starting a new one");
            worker.close();
            worker = null;
        }
        if (worker == null) {
            worker = WorkerProcess.start(jvm, spec, startTimeout, log);
            if (firstInfo == null) {
                firstInfo = new EngineInfo(spec.engine(), worker.ready().engineVersion(), worker.ready().rssMethod(),
                        worker.ready().idleRssBytes());
            }
        }
        return worker;
    }

    /** What the first worker reported at start, if one ever started. */
    public Optional<EngineInfo> info() {
        return Optional.ofNullable(firstInfo);
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }
}
