/**
 * The out-of-core suite: queries whose state does not fit in the memory limit, the reason Spillway exists,
 * run side by side with DuckDB at the same {@code memory_limit} and threads.
 *
 * <p>{@link dev.spillway.bench.ooc.OutOfCoreBenchmark} is the main class ({@code bench/run-out-of-core} runs
 * it). The data is two generated tables ({@link dev.spillway.bench.ooc.OutOfCoreTable}): the H2O.ai
 * db-benchmark group-by table {@code x} and a sort table {@code o} of about 4 GB in memory. The queries
 * ({@link dev.spillway.bench.ooc.OutOfCoreQueries}) are the ten H2O group-by queries, an ORDER BY of all of
 * {@code o} written to a file, and a COUNT(DISTINCT) over its 60 million distinct ids.
 *
 * <p>Besides time and peak RSS, the report shows each engine's peak bytes of spill files (sampled from its
 * temp folder, see {@code dev.spillway.bench.tempfiles}) and, above the table, the disk's bandwidth next to
 * Spillway's spill path's ({@code dev.spillway.bench.throughput}), so that a slow query can be told apart
 * from a slow disk.
 *
 * <p>A run is long (each query once per engine at the defaults, about half an hour), so the defaults are no
 * warm-up run and one timed run, whose answer is the one compared: the answers are a few rows at most.
 */
package dev.spillway.bench.ooc;
