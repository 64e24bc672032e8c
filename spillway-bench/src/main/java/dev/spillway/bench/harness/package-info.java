/**
 * The measuring loop, the same for every engine and every suite.
 *
 * <p>For each query, {@link dev.spillway.bench.harness.SideBySide} has each engine's worker run it
 * ({@link dev.spillway.bench.harness.QueryMeasurer}) under one {@link dev.spillway.bench.harness.RunPolicy}:
 * the warm-up runs first, the first of which writes the full answer to a file; then the timed runs, which
 * only count rows and checksum every value. Every run has the same timeout; a run that times out or fails
 * ends that engine's work on the query. Then the two answers are compared and the query gets its status.
 *
 * <p>While each run goes on, the engine's temporary folder is sampled for its peak size in spill files.
 * {@link dev.spillway.bench.harness.SideBySideSuite} is the part around the loop that every suite shares:
 * the scratch folder, one worker per engine, the queries in order, and the settings every report shows.
 *
 * <p>Engines take turns query by query (rather than one engine running the whole suite, then the other),
 * so that a change in machine load over a long run lands on both engines alike.
 */
package dev.spillway.bench.harness;
