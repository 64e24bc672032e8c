package dev.spillway.cli;

/**
 * Lets Ctrl-C in the shell cancel the running statement instead of ending the shell: the signal handler
 * interrupts the thread that waits for result batches, which makes the query stop and close.
 *
 * <p>The interrupt is only sent while a statement runs, and a late one is cleared when it ends (both under
 * this object's lock), so it never reaches the line editor.
 */
final class QueryInterrupter {
    private Thread runner;
    private boolean cancelled;

    synchronized void started() {
        runner = Thread.currentThread();
        cancelled = false;
    }

    /** @return whether the statement was cancelled while it ran */
    synchronized boolean finished() {
        runner = null;
        Thread.interrupted();
        return cancelled;
    }

    /** @return whether a statement was running (and is now being cancelled) */
    synchronized boolean interrupt() {
        if (runner == null) {
            return false;
        }
        cancelled = true;
        runner.interrupt();
        return true;
    }
}
