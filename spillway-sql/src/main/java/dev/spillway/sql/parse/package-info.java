/**
 * Text-level work before Calcite sees a statement: a quote- and comment-aware tokenizer, the script splitter,
 * and the dialect rewriter that turns DuckDB syntax Calcite cannot parse ({@code FROM 'x.parquet'},
 * {@code FROM range(10)}, {@code GROUP BY ALL}, {@code INTERVAL 3 DAYS}) into syntax it can.
 *
 * <p>Every edit is recorded in a {@link dev.spillway.sql.parse.TextRewrite}, which maps positions in the
 * rewritten text back to the user's text, so Calcite's error positions can be reported as the user sees them.
 * Files and table functions are resolved through the catalog here, while rewriting, because their columns
 * must be known before Calcite can validate the query: they become generated table names
 * ({@link dev.spillway.sql.parse.BoundTables}) that the Calcite schema resolves.
 */
package dev.spillway.sql.parse;
