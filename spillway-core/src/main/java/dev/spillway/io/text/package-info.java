/**
 * Plumbing shared by the text formats (CSV, JSON): turning files into byte-range scan tasks, parsing values from
 * bytes, detecting types, writing columns, reading options.
 *
 * <pre>
 *   TextFileSet ──► ByteRangePlanner ──► RangeScanTask(ranges, RangeReaderFactory) ──open──► BatchReader
 *   (glob, sizes)    split big files,     one per task; several       (format's reader, chained over
 *                    group small ones     ranges are read in order     the task's ranges)
 *
 *   format reader ── field bytes ──► ColumnWriter.decode ──► NumberParser / DateTimeParser / BooleanParser
 *                                     (Arrow vector of          (no String per value; ValueFormatException
 *                                      the batch being built)    becomes a user error with file:line)
 * </pre>
 *
 * <p>Byte ranges: a reader of {@code [start, end)} produces the records that start in it. Both neighbours of a
 * boundary compute the record start at or after it with the same deterministic function of the file's bytes
 * (the format decides how: {@link dev.spillway.io.text.LineStarts} for JSON Lines, a validating search for
 * CSV), so together they read every record exactly once; the reader before a boundary reads past its end to
 * finish its last record.
 *
 * <p>Type detection ({@link dev.spillway.io.text.TypeCandidates}) follows DuckDB's CSV sniffer so that the same
 * file gets the same schema in both engines wherever the engine has the type.
 *
 * <p>Line numbers in errors are physical lines; a reader that starts mid-file counts the lines before its start
 * ({@link dev.spillway.io.text.LineCounter}) only when it reports an error.
 */
package dev.spillway.io.text;
