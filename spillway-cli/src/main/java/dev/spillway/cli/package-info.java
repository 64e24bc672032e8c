/**
 * The {@code spillway} command line: a thin shell over the Java API ({@link dev.spillway.api.Session}).
 *
 * <pre>
 *   bin/spillway (bash: finds JDK 25, builds on first use, JVM flags, AppCDS archive)
 *        │
 *      Main ──► Cli ──► CommandLineOptions (picocli; one flag per Setting) ──► CliArguments
 *                 │         └─► SettingsResolver: defaults ◄ SPILLWAY_* env ◄ flags  (SET comes later, in the session)
 *                 │
 *                 ├─ -c "SQL; ..."   StatementExecutor.executeAll   stops at the first failing statement
 *                 ├─ stdin piped     PipedInputRunner               reports a failure and goes on
 *                 ├─ stdin terminal  InteractiveShell               JLine: history, multi-line, Ctrl-C cancels
 *                 └─ demo            DemoCommand ─► TpchGeneration  (progress on stderr)
 *                           │
 *                    StatementExecutor ──► ResultPrinter ──► api.output.ResultWriter (table, CSV, JSON)
 *                    DotCommands (.help, .settings, .format, .exit) in the shell and in piped scripts
 * </pre>
 *
 * <p>Results stream batch by batch into the writer and a fixed-size output buffer, so printing a result of
 * any size takes bounded memory. stdout carries results only; messages, errors and progress go to stderr,
 * so scripts can consume the output as CSV or JSON. Exit codes: 0 success, 1 a statement failed, 2 bad
 * usage (unknown flag, bad flag or environment value).
 */
package dev.spillway.cli;
