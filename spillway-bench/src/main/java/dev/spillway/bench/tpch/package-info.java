/**
 * The TPC-H benchmark: Spillway against DuckDB on the same generated Parquet files.
 *
 * <p>{@link dev.spillway.bench.tpch.TpchBenchmark} is the main class ({@code bench/run-tpch} runs it). The 22
 * query texts are resources of this module ({@code dev/spillway/bench/tpch/qNN.sql}), copies of the SQL
 * module's test texts: a benchmark's inputs must stay put while tests evolve, and the bench jar must run
 * without the SQL module's test tree. {@code TpchQueriesTest} fails when the copies drift apart, so a change
 * to one is a deliberate change to both.
 */
package dev.spillway.bench.tpch;
