package dev.spillway.cli;

import dev.spillway.api.Progress;
import dev.spillway.api.Session;
import dev.spillway.api.Sizes;
import java.io.PrintStream;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * A one-line progress display on stderr for statements that run longer than a second: a bar of the
 * scans' progress where it is known, rows scanned, memory in use and bytes spilled by the statement.
 * Redrawn in place with carriage returns (so only for a terminal), and erased before the statement's
 * output begins or when it ends, so that results and errors never share a line with it.
 */
final class ProgressBar implements AutoCloseable {
    static final long DELAY_MILLIS = 1000;
    private static final long REDRAW_MILLIS = 200;
    private static final int BAR_WIDTH = 16;
    /** Under 80 columns with the bar, so one line never wraps on a standard terminal. */
    private static final int MAX_LINE = 79;

    private final PrintStream err;
    private final Supplier<Progress> progress;
    private final long spilledAtStart;
    private final long startNanos = System.nanoTime();
    private final Thread painter;
    private int drawnWidth;
    private boolean stopped;

    private ProgressBar(PrintStream err, Supplier<Progress> progress) {
        this.err = err;
        this.progress = progress;
        this.spilledAtStart = progress.get().spilledBytes();
        this.painter = Thread.ofPlatform().daemon().name("spillway-progress").start(this::paint);
    }

    /** Starts watching the session's queries; nothing is drawn before {@link #DELAY_MILLIS}. */
    static ProgressBar start(Session session, PrintStream err) {
        return new ProgressBar(err, session::progress);
    }

    /** For tests: any source of progress snapshots. */
    static ProgressBar start(Supplier<Progress> progress, PrintStream err) {
        return new ProgressBar(err, progress);
    }

    private void paint() {
        try {
            Thread.sleep(DELAY_MILLIS);
            while (true) {
                synchronized (this) {
                    if (stopped) {
                        return;
                    }
                    draw(line(progress.get(), (System.nanoTime() - startNanos) / 1e9));
                }
                Thread.sleep(REDRAW_MILLIS);
            }
        } catch (InterruptedException e) {
            // Stopped.
        }
    }

    String line(Progress now, double seconds) {
        StringBuilder text = new StringBuilder();
        OptionalDouble fraction = now.fractionScanned();
        if (fraction.isPresent()) {
            int filled = (int) Math.round(fraction.getAsDouble() * BAR_WIDTH);
            text.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
            text.append(String.format(Locale.ROOT, "%3.0f%% ", fraction.getAsDouble() * 100));
        }
        text.append(compact(now.rowsScanned())).append(" rows");
        text.append(" · mem ").append(Sizes.format(now.memoryBytes()));
        long spilled = now.spilledBytes() - spilledAtStart;
        if (spilled > 0) {
            text.append(" · spilled ").append(Sizes.format(spilled));
        }
        text.append(String.format(Locale.ROOT, " · %.0f s", seconds));
        return text.length() > MAX_LINE ? text.substring(0, MAX_LINE) : text.toString();
    }

    /** 950, 12.3K, 4.5M, 1.2B. */
    static String compact(long count) {
        if (count < 1000) {
            return Long.toString(count);
        }
        String[] units = {"K", "M", "B", "T"};
        double value = count;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 100 ? "%.1f%s" : "%.0f%s", value, units[unit]);
    }

    private void draw(String text) {
        StringBuilder out = new StringBuilder("\r").append(text);
        if (text.length() < drawnWidth) {
            out.append(" ".repeat(drawnWidth - text.length()));
        }
        err.print(out);
        err.flush();
        drawnWidth = text.length();
    }

    /** Erases the line (if drawn) and stops; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        painter.interrupt();
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }
}
