/**
 * Benchmarks that run the same SQL on the same files in Spillway and in DuckDB and report both side by side.
 *
 * <pre>
 *   harness JVM (no Arrow, no engine)                child JVMs (same java, classpath and Arrow flags)
 *   ───────────────────────────────────              ──────────────────────────────────────────────────
 *   options → data (generator child, untimed) ─────► TpchGeneratorMain / OutOfCoreGeneratorMain: Parquet
 *           → (out-of-core) throughput, untimed ───► ThroughputMain: disk and spill-path bandwidth
 *           → for each query:
 *               for each engine: warm-up runs, ───► WorkerMain (spillway) ─┐ one query run per request:
 *                 then timed runs, one request ───► WorkerMain (duckdb)   ─┘ reset peak RSS, time, consume
 *                 at a time, each with a timeout;                             every value, answer on stdout
 *                 the engine's temp folder sampled
 *               compare the two captured answers
 *           → console table + Markdown report
 * </pre>
 *
 * <p>Why child processes: each engine gets its own address space, so its peak RSS is its own, a crash or a
 * timeout (the harness kills the child) cannot take the other down, and neither engine's JIT, heap or
 * caches warm the other. Why one request per run: the warm-up and repetition policy lives in one place,
 * the harness, and is the same for both engines by construction.
 *
 * <p>Packages: {@code engine} (the two engines behind one interface, how results are consumed, and the
 * script convention for queries that need statements first), {@code worker} (the child process and the
 * protocol to it), {@code harness} (the measuring loop and what every suite does around it), {@code rss}
 * (peak resident memory), {@code tempfiles} (peak bytes of spill files, scratch folders), {@code compare}
 * (answer comparison), {@code report} (tables and Markdown), {@code launch} (command lines, defaults, exit
 * codes), {@code throughput} (disk and spill-path bandwidth), and one package per suite: {@code tpch} and
 * {@code ooc} (out-of-core), each with its options, queries, data and main class.
 */
package dev.spillway.bench;
