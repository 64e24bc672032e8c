/**
 * The TPC-H benchmark: Spillway against DuckDB on the same generated Parquet files.
 *
 * <p>{@link dev.spillway.bench.tpch.TpchBenchmark} is the main class ({@code bench/run-tpch} runs it). The 22
 * query texts come from {@link dev.spillway.io.tpch.TpchQueryText}, the same texts the demo and the SQL
 * tests run.
 */
package dev.spillway.bench.tpch;
