/**
 * JSON files as a {@link dev.spillway.io.TableSource}: {@link dev.spillway.io.json.JsonLinesSource}, for JSON
 * Lines (one object per line), a top-level array of objects, or pretty-printed objects one after another.
 *
 * <pre>
 *   JsonLinesSource(path or glob, JsonOptions)      JsonOptions.fromMap(read_json's named arguments)
 *     └─ JsonSniffer: first file's first 4 MB, Jackson streaming
 *          format (array / one value per line / multi-line) · keys in first-seen order · JsonTypeObserver per key
 *          ═► JsonLayout (format, JsonColumn list)
 *   plan(ScanSpec) ─► byte ranges (JSON Lines only; other layouts one task per file)
 *          ─► JsonBatchReader per range: one Jackson parser ─► JsonValueWriter ─► ColumnWriter ─► Batch
 * </pre>
 *
 * <p>Splitting JSON Lines is exact: a JSON string cannot contain a raw line break, so every line start is a value
 * start, and both readers at a boundary pick the first line start at or after it.
 *
 * <p>Types follow DuckDB's {@code read_json_auto} where the engine has the type: booleans, BIGINT, DOUBLE (also
 * for integers beyond BIGINT), VARCHAR, DATE and TIMESTAMP for strings that are all ISO dates or timestamps.
 * Nested objects and arrays, and keys whose values mix kinds, are VARCHAR columns of compact JSON text (DuckDB
 * has STRUCT, LIST and JSON types there); a key only ever null is VARCHAR (DuckDB: NULL type). Missing keys are
 * NULL, keys outside the columns are ignored, a key repeated in one object is an error. Files whose values are not
 * all objects are read as one column {@code json}, as in DuckDB.
 */
package dev.spillway.io.json;
