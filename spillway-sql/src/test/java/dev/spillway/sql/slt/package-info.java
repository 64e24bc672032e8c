/**
 * Golden SQL tests in DuckDB's sqllogictest style, checked in both engines.
 *
 * <pre>
 *  src/test/resources/slt/&lt;feature&gt;/*.slt
 *        │ SltParser
 *        ▼
 *  SltRecord* ──► SltFileRun (one per file) ──► SpillwayEngine (fresh Session)  ─┐ each compared with the
 *                     │                     └─► DuckDbEngine (fresh database)  ─┘ record's expected block
 *                     └─► SltRewriter (complete mode: -Dslt.complete=spillway|duckdb)
 * </pre>
 *
 * Expected results are DuckDB's answers: every query record also runs in DuckDB and must match there,
 * unless a {@code # duckdb-differs: reason} comment documents a deliberate deviation. A record that shows
 * an unfixed Spillway bug is marked {@code # known-bug: NAME} (see
 * {@link dev.spillway.sql.testing.KnownBug}): it keeps running and must keep failing in Spillway until
 * the fix, when the mark goes.
 *
 * <p>Values are written as the CLI's CSV writer writes them (see {@link dev.spillway.sql.slt.SltResult});
 * doubles compare with a relative tolerance of 1e-9 because parallel sums depend on the order of additions.
 */
package dev.spillway.sql.slt;
