package dev.spillway.cli;

import dev.spillway.api.Session;
import dev.spillway.errors.ErrorKind;
import dev.spillway.errors.SpillwayException;
import dev.spillway.io.parquet.ParquetWriteOptions;
import dev.spillway.io.tpch.TpchData;
import dev.spillway.io.tpch.TpchSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Generates the demo's TPC-H Parquet files if some are missing, showing progress on stderr.
 *
 * <p>{@link TpchData} writes one table after the other and publishes each file atomically when it is complete,
 * so progress is read from the directory: a table counts as done when its file exists, weighted by its
 * estimated size (lineitem is about two thirds of the work). On a terminal a progress bar is redrawn; otherwise
 * one line is printed per finished table, which reads well in logs.
 */
final class TpchGeneration {
    enum Display { BAR, LINES }

    private static final long POLL_MILLIS = 200;

    private final Path directory;
    private final double scaleFactor;
    private final Session session;
    private final Display display;
    private final ErrorReporter messages;

    TpchGeneration(Path directory, double scaleFactor, Session session, Display display, ErrorReporter messages) {
        this.directory = directory;
        this.scaleFactor = scaleFactor;
        this.session = session;
        this.display = display;
        this.messages = messages;
    }

    void ensureGenerated() {
        List<String> tables = TpchSource.tableNames();
        if (tables.stream().allMatch(table -> Files.exists(file(table)))) {
            return;
        }
        long totalWeight = tables.stream().mapToLong(this::weight).sum();
        String task = String.format(Locale.ROOT, "generating TPC-H SF %s", scaleLabel());
        messages.note(task + " as Parquet into " + directory + " (once; later runs reuse the files)");
        long start = System.nanoTime();
        FutureTask<List<Path>> generation = new FutureTask<>(this::generate);
        Thread.ofPlatform().name("spillway-tpch-generation").daemon(true).start(generation);
        try (Progress progress = display == Display.BAR ? new BarProgress(task, messages) : new LineProgress(messages, start)) {
            boolean[] reported = new boolean[tables.size()];
            boolean finished;
            do {
                finished = waitFor(generation);
                showProgress(tables, reported, totalWeight, progress);
            } while (!finished);
        }
        messages.note(String.format(Locale.ROOT, "generated TPC-H SF %s in %.1f s", scaleLabel(), (System.nanoTime() - start) / 1e9));
    }

    /** Reports the tables whose files appeared since the last call, and the share of the work done. */
    private void showProgress(List<String> tables, boolean[] reported, long totalWeight, Progress progress) {
        long done = 0;
        String current = null;
        for (int i = 0; i < tables.size(); i++) {
            String table = tables.get(i);
            if (Files.exists(file(table))) {
                done += weight(table);
                if (!reported[i]) {
                    reported[i] = true;
                    progress.tableDone(table, i + 1, tables.size());
                }
            } else if (current == null) {
                current = table;
            }
        }
        progress.update((int) (done * 100 / totalWeight), current);
    }

    private List<Path> generate() {
        try (var allocator = session.memoryPool().newQueryAllocator("tpch-generation")) {
            return TpchData.generateParquet(directory, scaleFactor, allocator, session.config().threads(), ParquetWriteOptions.defaults());
        }
    }

    /** @return whether generation has finished; throws its failure */
    private static boolean waitFor(FutureTask<List<Path>> generation) {
        try {
            generation.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw SpillwayException.wrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpillwayException(ErrorKind.CANCELLED, "TPC-H generation was interrupted");
        }
    }

    private Path file(String table) {
        return directory.resolve(table + ".parquet");
    }

    private long weight(String table) {
        return Math.max(1, new TpchSource(table, scaleFactor).estimatedBytes());
    }

    private String scaleLabel() {
        return java.math.BigDecimal.valueOf(scaleFactor).stripTrailingZeros().toPlainString();
    }

    private interface Progress extends AutoCloseable {
        void update(int percent, String currentTable);

        void tableDone(String table, int number, int count);

        @Override
        void close();
    }

    private static final class BarProgress implements Progress {
        private final ProgressBar bar;

        BarProgress(String task, ErrorReporter messages) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(100).setUnit("%", 1)
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(messages.stream()))
                    .build();
        }

        @Override
        public void update(int percent, String currentTable) {
            bar.stepTo(percent);
            bar.setExtraMessage(currentTable == null ? "" : currentTable);
        }

        @Override
        public void tableDone(String table, int number, int count) {}

        @Override
        public void close() {
            bar.close();
        }
    }

    private record LineProgress(ErrorReporter messages, long start) implements Progress {
        @Override
        public void update(int percent, String currentTable) {}

        @Override
        public void tableDone(String table, int number, int count) {
            messages.note(String.format(Locale.ROOT, "  %s.parquet done (%d/%d, %.1f s)", table, number, count, (System.nanoTime() - start) / 1e9));
        }

        @Override
        public void close() {}
    }
}
