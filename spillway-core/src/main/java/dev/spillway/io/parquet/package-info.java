/**
 * Parquet files as table sources, and a Parquet writer.
 *
 * <h2>Reading</h2>
 * <pre>
 *  ParquetSource(glob) ── footers only ──► schema, row counts, column chunk statistics
 *        │ planScan(ScanSpec)
 *        │   StatisticsFilter drops row groups whose min/max/null counts prove no row passes the filters
 *        │   surviving row groups of one file are grouped into tasks of ~targetTaskBytes (compressed, projected)
 *        ▼
 *  ParquetScanTask ── open(ScanContext) ──► ParquetBatchReader
 *        per column of a row group: ColumnChunkReader
 *                          ColumnChunkPages: positional reads of pages (FileChannel, no Hadoop FS)
 *                          page headers (thrift) → PageDecompressor → scratch page
 *                          definition levels: HybridRleDecoder, consumed run by run
 *                          values: PlainDecoder | DictionaryDecoder | FallbackDecoder (parquet-java readers)
 *        per batch:      Arrow vectors of batchRows rows, allocated from the scan's allocator
 * </pre>
 *
 * <p>Why page-level decoding of our own instead of parquet-java's {@code ColumnReader}: the record-level
 * API costs a virtual call per value and a {@code Binary} object per string, and parquet-java's page
 * store keeps every decompressed page of a row group until the row group is closed when pages are in
 * direct memory. Here each column chunk is decoded page by page into one reused scratch buffer, straight
 * into Arrow buffers: fixed-width PLAIN pages are bulk copies, dictionary pages are decoded once (with
 * their type conversion) and data pages become gathers from the dictionary, runs of non-NULL values are
 * decoded in bulk. parquet-java still parses footers and page headers, provides the codecs, and decodes
 * the rarer encodings (DELTA_*, BYTE_STREAM_SPLIT) through its value readers.
 *
 * <p>Memory: everything the reader holds (per projected column about one compressed page, one
 * decompressed page and the dictionary) comes from a child of the scan's allocator and is
 * released when the row group ends or the reader closes, also after errors. Input buffers carry
 * {@link dev.spillway.io.parquet.ShortCopy#PADDING} bytes of slack so that short strings and bit-packed
 * values can be moved as whole words; Arrow's bounds checks are off, so every length and index read from
 * a file is checked before it is used, and a corrupt file fails with a message naming the file, row group
 * and column.
 *
 * <p>Type mapping: INT32 (signed, INT_8/16/32, UINT_8/16) → INTEGER; UINT_32, INT64, UINT_64 → BIGINT
 * (UINT_64 values above the BIGINT range are an error); DATE → DATE; TIMESTAMP(MILLIS|MICROS|NANOS) and
 * INT96 → TIMESTAMP in microseconds; DECIMAL on INT32/INT64/BINARY/FIXED_LEN_BYTE_ARRAY → DECIMAL(p,s);
 * FLOAT, DOUBLE → DOUBLE; BOOLEAN; BINARY (STRING, ENUM, JSON or unannotated) → VARCHAR. Nested and
 * other types are errors naming the column.
 *
 * <h2>Writing</h2>
 * {@link dev.spillway.io.parquet.ParquetBatchWriter} hands batches column by column to parquet-java's
 * column writers (dictionary encoding and statistics as parquet-java decides), flushes a row group when
 * its buffered size reaches {@link dev.spillway.io.parquet.ParquetWriteOptions#rowGroupBytes()}, and
 * publishes the file by renaming it from a hidden temporary name on commit.
 */
package dev.spillway.io.parquet;
