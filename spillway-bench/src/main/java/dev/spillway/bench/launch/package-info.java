/**
 * How a suite's main class starts, shared by every suite: splitting the command line ({@link
 * dev.spillway.bench.launch.CommandLine}), checking option values ({@link
 * dev.spillway.bench.launch.OptionValues}), the machine's defaults ({@link
 * dev.spillway.bench.launch.LaunchDefaults}), and the main method with its exit codes ({@link
 * dev.spillway.bench.launch.BenchmarkLauncher}). A suite keeps only what is its own: its options record,
 * the options it takes, and its usage text.
 */
package dev.spillway.bench.launch;
