package dev.spillway.bench.worker;

import dev.spillway.bench.compare.CapturedResult;
import dev.spillway.bench.engine.BenchEngine;
import dev.spillway.bench.engine.ChecksumConsumer;
import dev.spillway.bench.engine.RowCollector;
import dev.spillway.bench.rss.PeakRssMeter;
import dev.spillway.bench.rss.RunRss;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of a worker JVM: hosts one engine and runs the harness's requests one at a time (see
 * the package description). Started by {@link WorkerProcess}; not meant to be run by hand.
 */
public final class WorkerMain {
    private final BenchEngine engine;
    private final PeakRssMeter meter;
    private final PrintStream protocol;

    private WorkerMain(BenchEngine engine, PeakRssMeter meter, PrintStream protocol) {
        this.engine = engine;
        this.meter = meter;
        this.protocol = protocol;
    }

    public static void main(String[] args) throws Exception {
        // The real stdout carries the protocol; whatever else writes to System.out goes to stderr instead.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        WorkerSpec spec = WorkerSpec.fromArguments(Arrays.asList(args));
        PeakRssMeter meter = PeakRssMeter.forThisProcess();
        BenchEngine engine;
        try {
            Files.createDirectories(spec.setup().tempDirectory());
            Files.createDirectories(spec.setup().outputDirectory());
            engine = spec.engine().open(spec.setup());
        } catch (Throwable t) {
            send(protocol, new WorkerProtocol.Message.Failure("cannot start " + spec.engine().displayName() + ": " + describe(t)));
            System.exit(2);
            return;
        }
        send(protocol, new WorkerProtocol.Message.Ready(engine.version(), meter.method(), meter.currentBytes()));
        new WorkerMain(engine, meter, protocol).serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }

    private void serve(BufferedReader requests) throws Exception {
        try (meter; engine) {
            String line;
            while ((line = requests.readLine()) != null) {
                switch (WorkerProtocol.Request.parse(line)) {
                    case WorkerProtocol.Request.Run run -> send(protocol, runOnce(run));
                    case WorkerProtocol.Request.Quit quit -> {
                        return;
                    }
                }
            }
        }
    }

    /**
     * One run. A capture run materializes rows, so it is a warm-up unless the run policy has none (suites
     * whose answers are a few rows); other runs use the checksum consumer, the same for both engines.
     */
    private WorkerProtocol.Message runOnce(WorkerProtocol.Request.Run run) {
        try {
            meter.reset();
            long startRss = meter.currentBytes();
            RowCollector collector = new RowCollector();
            ChecksumConsumer checksum = new ChecksumConsumer();
            long start = System.nanoTime();
            List<String> columns = engine.run(run.sql(), run.captureFile().isPresent() ? collector : checksum);
            long nanos = System.nanoTime() - start;
            RunRss rss = new RunRss(startRss, meter.peakBytes());
            if (run.captureFile().isPresent()) {
                new CapturedResult(columns, collector.rows()).write(run.captureFile().get());
                return new WorkerProtocol.Message.Done(nanos, collector.rows().size(), 0, rss);
            }
            return new WorkerProtocol.Message.Done(nanos, checksum.rows(), checksum.checksum(), rss);
        } catch (Exception e) {
            return new WorkerProtocol.Message.Failure(describe(e));
        } catch (Error e) {
            // After an Error (heap exhausted, stack overflow) the JVM is not to be trusted: report and leave;
            // the harness starts a fresh worker for the next run.
            send(protocol, new WorkerProtocol.Message.Failure(describe(e)));
            Runtime.getRuntime().halt(3);
            throw e;
        }
    }

    private static void send(PrintStream protocol, WorkerProtocol.Message message) {
        protocol.println(message.encode());
        protocol.flush();
    }

    /** The message chain, plus the stack trace of the innermost cause on stderr for whoever debugs it. */
    private static String describe(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        System.err.print(trace);
        StringBuilder message = new StringBuilder(String.valueOf(t.getMessage() == null ? t : t.getMessage()));
        for (Throwable cause = t.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(" (caused by: ").append(cause.getMessage()).append(')');
            }
        }
        return message.toString().replace('\n', ' ');
    }
}
