package dev.spillway.bench.worker;

import dev.spillway.bench.engine.EngineKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The harness's handle on one worker JVM: start it, send one run at a time and wait for the answer with a
 * timeout, kill it when the timeout passes. A thread reads the worker's stdout into a queue, so waiting
 * with a timeout is a queue poll; lines that are not protocol messages are passed to {@code log}.
 */
public final class WorkerProcess implements AutoCloseable {
    /** Put in the queue when the worker's stdout ends (it exited or was killed). */
    private static final String END_OF_OUTPUT = new String("end of output");

    private final EngineKind engine;
    private final Process process;
    private final Writer requests;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final WorkerProtocol.Message.Ready ready;

    private WorkerProcess(EngineKind engine, Process process, Duration startTimeout, PrintStream log) throws IOException {
        this.engine = engine;
        this.process = process;
        this.requests = process.outputWriter(StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name(engine.id() + "-worker-output").start(() -> pump(log));
        WorkerProtocol.Message first = await(startTimeout)
                .orElseThrow(() -> failToStart("it did not get ready within " + startTimeout.toSeconds() + " s"));
        if (!(first instanceof WorkerProtocol.Message.Ready readyMessage)) {
            throw failToStart(first instanceof WorkerProtocol.Message.Failure failure ? failure.message() : "unexpected " + first);
        }
        this.ready = readyMessage;
    }

    /**
     * Starts a worker and waits until its engine is set up.
     *
     * @param log where the worker's other stdout lines go (its stderr is inherited)
     */
    public static WorkerProcess start(ChildJvm jvm, WorkerSpec spec, Duration startTimeout, PrintStream log) throws IOException {
        Process process = new ProcessBuilder(jvm.command(WorkerMain.class, spec.toArguments()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            return new WorkerProcess(spec.engine(), process, startTimeout, log);
        } catch (IOException | RuntimeException e) {
            kill(process);
            throw e;
        }
    }

    public WorkerProtocol.Message.Ready ready() {
        return ready;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Runs the query once. On timeout the worker is killed (it cannot be trusted to stop by itself) and
     * this handle is dead: {@link #isAlive} is false and the caller starts a new worker.
     */
    public RunOutcome run(String sql, Optional<Path> captureFile, Duration timeout) {
        if (!process.isAlive()) {
            return new RunOutcome.Failed(engine.displayName() + " worker is not running (exit code " + process.exitValue() + ")");
        }
        try {
            requests.write(new WorkerProtocol.Request.Run(sql, captureFile).encode() + "\n");
            requests.flush();
        } catch (IOException e) {
            return new RunOutcome.Failed(engine.displayName() + " worker stopped accepting requests: " + e.getMessage());
        }
        Optional<WorkerProtocol.Message> answer = await(timeout);
        if (answer.isEmpty()) {
            if (process.isAlive()) {
                kill(process);
                return new RunOutcome.TimedOut(timeout);
            }
            return new RunOutcome.Failed(engine.displayName() + " worker died (exit code " + exitCode() + ")");
        }
        return switch (answer.get()) {
            case WorkerProtocol.Message.Done done -> new RunOutcome.Completed(done.nanos(), done.rows(), done.rss());
            case WorkerProtocol.Message.Failure failure -> new RunOutcome.Failed(failure.message());
            case WorkerProtocol.Message.Ready unexpected -> new RunOutcome.Failed("unexpected READY from the worker");
        };
    }

    /** Asks the worker to close its engine and exit; kills it if it does not within a few seconds. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                requests.write(new WorkerProtocol.Request.Quit().encode() + "\n");
                requests.flush();
                requests.close();
                if (process.waitFor(30, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (IOException e) {
                // The worker went away first; killing below is a no-op then.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kill(process);
    }

    /** The exit code once the worker has exited; -1 if it is still running. */
    public int exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * The next protocol message, or empty if the timeout passed or the worker's output ended first.
     * Waits for the whole timeout at most; lines that are not messages do not restart it.
     */
    private Optional<WorkerProtocol.Message> await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line == END_OF_OUTPUT) {
                    if (line == END_OF_OUTPUT) {
                        lines.add(END_OF_OUTPUT); // later waits see the end too
                    }
                    return Optional.empty();
                }
                Optional<WorkerProtocol.Message> message = WorkerProtocol.Message.parse(line);
                if (message.isPresent()) {
                    return message;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void pump(PrintStream log) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith(WorkerProtocol.PREFIX)) {
                    lines.add(line);
                } else {
                    log.println("[" + engine.id() + "] " + line);
                }
            }
        } catch (IOException e) {
            // The stream closes when the worker is killed: that is the end of its output.
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }

    private IOException failToStart(String reason) {
        return new IOException("the " + engine.displayName() + " worker failed to start: " + reason
                + (process.isAlive() ? "" : " (exit code " + exitCode() + ")"));
    }

    /** Kills the worker and anything it started, and waits for it to be gone. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
