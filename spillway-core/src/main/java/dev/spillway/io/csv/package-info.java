/**
 * CSV files as a {@link dev.spillway.io.TableSource}: {@link dev.spillway.io.csv.CsvSource}.
 *
 * <pre>
 *   CsvSource(path or glob, CsvOptions)            CsvOptions.fromMap(read_csv's named arguments)
 *     └─ CsvSniffer: first file's first 4 MB only
 *          DialectDetector (delimiter, quote) ─► types per column (TypeCandidates) ─► header? ─► names
 *          ═► CsvLayout (CsvDialect + Schema)
 *   plan(ScanSpec) ─► byte ranges ─► CsvBatchReader per range
 *          CsvFileStart (skip lines, header) · CsvRowStartFinder (split points) · CsvTokenizer (rows)
 *          ─► ColumnWriter per projected column ─► Batch
 * </pre>
 *
 * <p><b>Parsing.</b> {@link dev.spillway.io.csv.CsvTokenizer} is a byte-level state machine used by the sniffer,
 * the split-point finder and the reader alike, so all three agree on where rows end. Unquoted fields are scanned
 * eight bytes at a time; values are decoded from the read buffer straight into Arrow vectors, only for projected
 * columns. RFC 4180 quoting (doubled quotes, or an escape character), quoted delimiters and line breaks,
 * {@code \n}, {@code \r\n} and {@code \r} line ends, and a UTF-8 byte order mark are handled. Empty lines are
 * skipped, except in a one-column file where they are NULL rows (as in DuckDB).
 *
 * <p><b>Splits and quoted line breaks.</b> A task starting mid-file cannot know whether it starts inside a quoted
 * field. {@link dev.spillway.io.csv.CsvRowStartFinder} takes the first line start from which several rows parse
 * cleanly with the right number of fields; the task before verifies that its last row ends exactly there and
 * otherwise fails with an error suggesting {@code parallel = false}. So a split never silently loses or
 * duplicates rows: results are either exact or an error, and a file read as one task is always exact.
 *
 * <p><b>Detection</b> follows DuckDB's sniffer (see {@link dev.spillway.io.csv.CsvSniffer}); known differences:
 * only ISO dates and timestamps are detected (DuckDB also finds formats like {@code 01/31/2020}); TIME values stay
 * VARCHAR; integers beyond BIGINT become DECIMAL(38,0) up to 38 digits and DOUBLE beyond (DuckDB: HUGEINT, then
 * BIGNUM); timestamps with a zone are converted to UTC TIMESTAMP (DuckDB: TIMESTAMP WITH TIME ZONE); there is no
 * detection of lines to skip before the header, of comment lines or of a different escape character; a row with
 * the wrong number of fields is an error.
 *
 * <p><b>Errors</b> are one line, {@code data.csv:1234: column "price": cannot convert 'abc' to DOUBLE}, with the
 * physical line number (also for tasks that start mid-file), and leave no memory allocated.
 */
package dev.spillway.io.csv;
