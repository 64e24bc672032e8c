/**
 * Temporary storage for data that does not fit in memory.
 *
 * <pre>
 *   operator ──► SpillFile.writer() ──► Arrow IPC stream (ZSTD) ──► temp_directory/spillway-&lt;pid&gt;-&lt;n&gt;/
 *   operator ◄── SpillFile.reader() ◄───────────────────────────────┘
 *                    TempStorage: quota (max_temp_directory_size), file list, cleanup
 * </pre>
 *
 * <p>Operators never touch paths: they ask {@link dev.spillway.spill.TempStorage} for a
 * {@link dev.spillway.spill.SpillFile}, write batches, read them back, and close it, which deletes the
 * file and returns its bytes to the quota. Each engine instance owns one folder; folders left by
 * processes that died are removed when an engine starts.
 */
package dev.spillway.spill;
