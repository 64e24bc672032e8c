/**
 * How fast spilling can be on this machine, measured before the out-of-core queries so their times can be
 * judged: the disk's sequential bandwidth under the spill folder ({@link
 * dev.spillway.bench.throughput.DiskBandwidthMeter}), and Spillway's own spill path into the same folder
 * ({@link dev.spillway.bench.throughput.SpillThroughputMeter}).
 *
 * <pre>
 *   harness: ThroughputProbe ── java ... ThroughputMain folder bytes drop result ──► child JVM (Arrow)
 *                                                                                  disk: FileChannel, 8 MiB blocks
 *                                                                                  spill: TempStorage → SpillWriter
 *            ◄──────────────────────── result file (StorageThroughput) ───────────
 * </pre>
 *
 * <p>Both writes are timed until the bytes are on the disk ({@code force()}), and both reads follow a drop
 * of the page cache where that is allowed (root), so that the two measure the same thing. The spill path
 * is reported in Arrow bytes (what operators hand over) and in bytes on disk (after ZSTD): the second next
 * to the disk's bandwidth shows whether the disk or the CPU limits spilling.
 */
package dev.spillway.bench.throughput;
