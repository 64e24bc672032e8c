/**
 * What a benchmark run found, and its two renderings: a plain-text table for the terminal ({@link
 * dev.spillway.bench.report.ConsoleTable}) and a Markdown file with the machine and settings for the
 * record ({@link dev.spillway.bench.report.MarkdownReport}).
 *
 * <p>The model ({@link dev.spillway.bench.report.BenchReport}) knows nothing of any suite: a suite gives it
 * a title, its settings as name-value pairs, one {@link dev.spillway.bench.report.QueryOutcome} per query,
 * and sections of its own: a preamble above the table (the out-of-core suite's throughput measurements)
 * and notes at the end (its queries' texts).
 */
package dev.spillway.bench.report;
