/**
 * Peak resident memory (RSS) of the current process during one query run.
 *
 * <p>On Linux, writing {@code 5} to {@code /proc/self/clear_refs} resets the kernel's high-water mark
 * ({@code VmHWM} in {@code /proc/self/status}) to the current RSS, so reset-run-read gives the exact peak of
 * one run at no cost during the run ({@link dev.spillway.bench.rss.HighWaterMarkMeter}). Where the reset is
 * refused or has no effect (older kernels, some sandboxes), a thread samples {@code VmRSS} every few
 * milliseconds instead ({@link dev.spillway.bench.rss.SamplingRssMeter}); it can miss short spikes and the
 * report says which method was used. Elsewhere there is no measurement ({@link
 * dev.spillway.bench.rss.NoRssMeter}).
 */
package dev.spillway.bench.rss;
