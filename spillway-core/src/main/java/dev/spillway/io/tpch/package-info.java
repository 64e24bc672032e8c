/**
 * TPC-H data without files: {@link dev.spillway.io.tpch.TpchSource} generates any table at any scale
 * factor with the {@code io.trino.tpch} generators (the same rows as dbgen), one scan task per generator
 * part so that parts generate in parallel; {@link dev.spillway.io.tpch.TpchData} writes the eight tables
 * as Parquet files for demos, benchmarks and tests.
 *
 * <p>Types: {@code *key} BIGINT; l_linenumber, p_size, ps_availqty, o_shippriority INTEGER; money and
 * quantities DECIMAL(15,2) built from the generator's exact hundredths (never through a double); dates
 * DATE; the rest VARCHAR.
 */
package dev.spillway.io.tpch;
