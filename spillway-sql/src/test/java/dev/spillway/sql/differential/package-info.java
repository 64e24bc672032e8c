/**
 * Differential tests: the same SQL in Spillway and in DuckDB (the reference) over the same files.
 *
 * <pre>
 *  RandomTables (seeded, Parquet via Spillway's writer)   TpchData (SF 0.1, Parquet)
 *        │  views t, u, empty_t, one_t                        │  views lineitem, orders, ...
 *        ▼                                                    ▼
 *  GeneratedQueries + QueryFiles (resources/differential)   tpch/qNN.sql
 *        └──────────────► DifferentialRunner ◄──────────────────┘
 *                          │ Spillway session ─┐
 *                          │ DuckDB (JDBC)    ─┴─► TypeCorrespondence (column types)
 *                          └──────────────────────► ResultComparison (rows; SortKeys for ordered queries)
 * </pre>
 *
 * Rows compare as multisets, and for a query with its own ORDER BY also by the sequence of sort-key values,
 * so that ties may come in any order. Doubles compare within a relative 1e-9, everything else exactly.
 * Queries showing an unfixed bug carry a {@link dev.spillway.sql.testing.KnownBug} mark and must keep
 * differing until the fix.
 */
package dev.spillway.sql.differential;
