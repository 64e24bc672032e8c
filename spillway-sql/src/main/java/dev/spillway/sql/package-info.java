/**
 * Spillway's SQL front end: DuckDB-flavoured SQL in, Spillway {@link dev.spillway.plan.LogicalPlan}s out.
 *
 * <pre>
 *   script ──ScriptSplitter──► statements (each keeping its place in the script, for error positions)
 *
 *   statement ──StatementParser──► SET / RESET / CREATE VIEW / DROP VIEW / EXPLAIN / query
 *                                        │ (the words before the query are blanked, not cut, so that
 *                                        │  positions stay those of the statement)
 *   query ──TrivialQueries──► SELECT * FROM t [LIMIT n]: planned directly, without loading Calcite
 *         └─QueryCompiler──► parse.DialectRewriter   DuckDB-isms Calcite cannot parse, tables bound
 *                            calcite.CalciteQueryPlanner   parse, validate, convert (no optimizer)
 *                            translate.RelTranslator       RelNode → LogicalPlan, DuckDB typing,
 *                                                          sub-queries as semi / anti / left joins
 *                            translate.OutputNames         DuckDB's column names
 * </pre>
 *
 * <p>{@link dev.spillway.sql.CalciteSqlFrontend} is the entry point, registered as the
 * {@link dev.spillway.api.SqlFrontend} service. Errors are {@link dev.spillway.errors.SpillwayException}s of
 * kind USER_INPUT with one-line messages that begin with the line and column in the user's text
 * ({@link dev.spillway.sql.SqlErrors}).
 */
package dev.spillway.sql;
