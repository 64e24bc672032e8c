/**
 * Temporary files, seen from the harness: how many bytes an engine keeps in its {@code temp_directory}
 * while a query runs ({@link dev.spillway.bench.tempfiles.TempSpaceSampler}, sampled from outside the
 * worker so both engines are measured alike), and removing the scratch folders the benchmark makes.
 *
 * <p>Each engine gets its own spill folder, and nothing else is written there: the files a script writes
 * ({@code {output}}, see {@link dev.spillway.bench.engine.BenchScript}) go to a separate folder, so the
 * peak measured is spill data only.
 */
package dev.spillway.bench.tempfiles;
