package dev.spillway.io.parquet;

import static java.util.Objects.requireNonNull;

import dev.spillway.errors.SpillwayException;
import dev.spillway.expr.Expr;
import dev.spillway.io.FileGlobs;
import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.io.TableSource;
import dev.spillway.types.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * Parquet files matching a path or glob, scanned as one table.
 *
 * <p>The constructor reads every file's footer (metadata only): the schema comes from the first file and
 * every other file must have the same column names and types. Planning splits the scan into tasks of
 * consecutive row groups of one file, about {@link ScanSpec#targetTaskBytes()} of compressed projected
 * columns each (a larger row group is a task of its own), after dropping the row groups whose statistics
 * prove that no row passes the filters (see {@link StatisticsFilter}).
 */
public final class ParquetSource implements TableSource {
    private final String pattern;
    private final List<ParquetFile> files;
    private final Schema schema;

    /**
     * Opens the files matching {@code pathOrGlob} (a file, or a glob such as {@code data/*.parquet}; see
     * {@link FileGlobs}). Missing files, files that are not Parquet, unsupported column types and schemas
     * that differ between files are {@link SpillwayException}s naming the file.
     */
    public ParquetSource(String pathOrGlob) {
        this.pattern = requireNonNull(pathOrGlob, "pathOrGlob is null");
        List<ParquetFile> opened = new ArrayList<>();
        for (Path path : FileGlobs.expand(pathOrGlob)) {
            opened.add(ParquetFile.open(path));
        }
        this.files = List.copyOf(opened);
        this.schema = files.get(0).schema();
        for (ParquetFile file : files.subList(1, files.size())) {
            if (!file.schema().equals(schema)) {
                throw SpillwayException.userError("%s has columns %s, but %s has %s; all files of a scan must have the same columns",
                        file.path(), file.schema(), files.get(0).path(), schema);
            }
        }
    }

    /** The files of this source, in scan order. */
    public List<Path> files() {
        return files.stream().map(ParquetFile::path).toList();
    }

    @Override
    public String describe() {
        return "parquet " + pattern + " (" + files.size() + " file" + (files.size() == 1 ? "" : "s") + ")";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** Exact, from the footers. */
    @Override
    public long estimatedRows() {
        return files.stream().mapToLong(ParquetFile::rowCount).sum();
    }

    /** Compressed size of all column chunks. */
    @Override
    public long estimatedBytes() {
        return files.stream().mapToLong(ParquetFile::compressedBytes).sum();
    }

    /** Compressed size of the projected columns' chunks. */
    @Override
    public long estimatedBytes(List<Integer> projection) {
        long bytes = 0;
        for (ParquetFile file : files) {
            List<ParquetColumn> projected = projection.stream().map(i -> file.columns().get(i)).toList();
            for (int rowGroup = 0; rowGroup < file.rowGroups().size(); rowGroup++) {
                bytes += file.compressedBytes(rowGroup, projected);
            }
        }
        return bytes;
    }

    @Override
    public List<ScanTask> plan(ScanSpec spec) {
        return planScan(spec).tasks();
    }

    /** Like {@link #plan}, also reporting how many row groups the filters let the scan skip. */
    public ParquetScanPlan planScan(ScanSpec spec) {
        requireNonNull(spec, "spec is null");
        for (int column : spec.projection()) {
            if (column < 0 || column >= schema.size()) {
                throw new IllegalArgumentException("projected column " + column + " is not in " + schema);
            }
        }
        Schema output = schema.select(spec.projection());
        List<ScanTask> tasks = new ArrayList<>();
        int total = 0;
        int skipped = 0;
        for (ParquetFile file : files) {
            List<ParquetColumn> projected = spec.projection().stream().map(i -> file.columns().get(i)).toList();
            List<Integer> group = new ArrayList<>();
            long groupBytes = 0;
            List<BlockMetaData> rowGroups = file.rowGroups();
            for (int rowGroup = 0; rowGroup < rowGroups.size(); rowGroup++) {
                if (rowGroups.get(rowGroup).getRowCount() == 0) {
                    continue;
                }
                total++;
                if (!mightMatch(file, rowGroups.get(rowGroup), spec.filters())) {
                    skipped++;
                    continue;
                }
                long bytes = file.compressedBytes(rowGroup, projected);
                if (!group.isEmpty() && (spec.targetTaskBytes() <= 0 || groupBytes + bytes > spec.targetTaskBytes())) {
                    tasks.add(task(file, group, projected, output, spec));
                    group.clear();
                    groupBytes = 0;
                }
                group.add(rowGroup);
                groupBytes += bytes;
            }
            if (!group.isEmpty()) {
                tasks.add(task(file, group, projected, output, spec));
            }
        }
        return new ParquetScanPlan(tasks, total, skipped);
    }

    private static ParquetScanTask task(ParquetFile file, List<Integer> rowGroups, List<ParquetColumn> projected, Schema output,
                                        ScanSpec spec) {
        int[] indexes = rowGroups.stream().mapToInt(Integer::intValue).toArray();
        return new ParquetScanTask(file, indexes, projected, output, spec.batchRows(), spec.codedColumns());
    }

    private static boolean mightMatch(ParquetFile file, BlockMetaData rowGroup, List<Expr> filters) {
        if (filters.isEmpty()) {
            return true;
        }
        List<ParquetColumn> columns = file.columns();
        ColumnBounds[] bounds = new ColumnBounds[columns.size()];
        StatisticsFilter filter = new StatisticsFilter(index -> {
            if (index < 0 || index >= bounds.length) {
                return null;
            }
            if (bounds[index] == null) {
                bounds[index] = ColumnBounds.of(columns.get(index), rowGroup.getColumns().get(index));
            }
            return bounds[index];
        });
        return filters.stream().allMatch(filter::mightMatch);
    }

    @Override
    public String toString() {
        return describe() + " " + Arrays.toString(schema.names().toArray());
    }

    /**
     * For integer-like columns (INTEGER, BIGINT, DATE) the value range from the footers' statistics bounds
     * the number of distinct values; join ordering uses it to tell keys (range about the row count)
     * from low-cardinality attributes.
     */
    @Override
    public java.util.OptionalLong distinctValues(int column) {
        return distinctCache.computeIfAbsent(column, this::computeDistinctValues);
    }

    private final java.util.Map<Integer, java.util.OptionalLong> distinctCache = new java.util.concurrent.ConcurrentHashMap<>();

    private java.util.OptionalLong computeDistinctValues(int column) {
        var type = schema.type(column).id();
        if (type != dev.spillway.types.TypeId.INTEGER && type != dev.spillway.types.TypeId.BIGINT && type != dev.spillway.types.TypeId.DATE) {
            return dictionaryDistinctValues(column);
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (ParquetFile file : files) {
            ParquetColumn parquetColumn = file.columns().get(column);
            for (var rowGroup : file.rowGroups()) {
                ColumnBounds bounds = ColumnBounds.of(parquetColumn, rowGroup.getColumns().get(column));
                if (!bounds.hasMinMax()) {
                    if (bounds.allNull()) {
                        continue;
                    }
                    return java.util.OptionalLong.empty();
                }
                min = Math.min(min, asLong(bounds.min()));
                max = Math.max(max, asLong(bounds.max()));
            }
        }
        if (min > max) {
            return java.util.OptionalLong.of(0);
        }
        long range = max - min + 1 <= 0 ? Long.MAX_VALUE : max - min + 1;
        return java.util.OptionalLong.of(Math.min(range, estimatedRows()));
    }

    /** Row groups whose dictionaries are read for a distinct count (enough for low-cardinality columns). */
    private static final int DICTIONARY_SAMPLE = 4;

    /**
     * For a column whose pages are all dictionary-encoded, a row group's dictionary holds its distinct
     * values, and its page header says how many: a cheap, usually exact count for low-cardinality columns
     * such as codes, flags and categories. Columns that fell back to plain encoding have many values.
     */
    private java.util.OptionalLong dictionaryDistinctValues(int column) {
        long distinct = 0;
        int sampled = 0;
        for (ParquetFile file : files) {
            for (var rowGroup : file.rowGroups()) {
                if (sampled++ >= DICTIONARY_SAMPLE) {
                    return java.util.OptionalLong.of(distinct);
                }
                var chunk = rowGroup.getColumns().get(column);
                var stats = chunk.getEncodingStats();
                if (!chunk.hasDictionaryPage() || stats == null || stats.hasNonDictionaryEncodedPages()) {
                    return java.util.OptionalLong.empty();
                }
                try (var stream = new ChannelInputFile(file.path()).newStream()) {
                    stream.seek(chunk.getDictionaryPageOffset());
                    var header = PageHeaders.read(stream);
                    if (!header.isSetDictionary_page_header()) {
                        return java.util.OptionalLong.empty();
                    }
                    distinct = Math.max(distinct, header.getDictionary_page_header().getNum_values());
                } catch (java.io.IOException | RuntimeException e) {
                    // Only an estimate: a column we cannot inspect here is simply "unknown".
                    return java.util.OptionalLong.empty();
                }
            }
        }
        return java.util.OptionalLong.of(distinct);
    }

    private static long asLong(Object value) {
        return value instanceof java.time.LocalDate date ? date.toEpochDay() : ((Number) value).longValue();
    }
}
