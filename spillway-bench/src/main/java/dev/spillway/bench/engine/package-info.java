/**
 * The engines under test behind one small interface, {@link dev.spillway.bench.engine.BenchEngine}.
 *
 * <p>Both engines hand every row to a {@link dev.spillway.bench.engine.RowConsumer} as the same canonical
 * Java values (Boolean, Integer, Long, Double, BigDecimal, String, LocalDate, LocalDateTime), so timed runs
 * consume results identically ({@link dev.spillway.bench.engine.ChecksumConsumer}) and captured answers
 * ({@link dev.spillway.bench.engine.RowCollector}) compare with no engine-specific code.
 */
package dev.spillway.bench.engine;
