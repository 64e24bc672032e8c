/**
 * What a benchmark run found, and its two renderings: a plain-text table for the terminal ({@link
 * dev.spillway.bench.report.ConsoleTable}) and a Markdown file with the machine and settings for the
 * record ({@link dev.spillway.bench.report.MarkdownReport}).
 *
 * <p>The model ({@link dev.spillway.bench.report.BenchReport}) knows nothing of TPC-H: a suite gives it a
 * title, its settings as name-value pairs and one {@link dev.spillway.bench.report.QueryOutcome} per query,
 * so later suites (out-of-core group-by, sorts, distinct counts at fixed memory limits) reuse it.
 */
package dev.spillway.bench.report;
