/**
 * The child JVM that hosts one engine, and the harness's handle on it.
 *
 * <pre>
 *   harness: WorkerProcess                      child: WorkerMain (one engine, one session)
 *     start  ── java [Arrow flags] -cp ... ──►    open engine, create views, measure idle RSS
 *            ◄── @@bench READY version ... ──
 *     run    ── RUN capture sql ────────────►    reset peak RSS; time { run, consume every value };
 *            ◄── @@bench DONE ns rows ... ───      read peak RSS; write the answer if asked
 *       (no answer within the timeout: kill the child; the next run starts a new one)
 *     close  ── QUIT ───────────────────────►    close the engine (Spillway checks for leaks)
 * </pre>
 *
 * <p>The child's stdin and stdout carry only the line protocol of {@link
 * dev.spillway.bench.worker.WorkerProtocol}; anything else the child prints goes to stderr, which the
 * harness passes through. Free text in messages is Base64-encoded so that it never breaks a line.
 */
package dev.spillway.bench.worker;
