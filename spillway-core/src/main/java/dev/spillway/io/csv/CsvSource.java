package dev.spillway.io.csv;

import static java.util.Objects.requireNonNull;

import dev.spillway.io.ScanSpec;
import dev.spillway.io.ScanTask;
import dev.spillway.io.TableSource;
import dev.spillway.io.text.ByteRangePlanner;
import dev.spillway.io.text.FileRange;
import dev.spillway.io.text.RangeScanTask;
import dev.spillway.io.text.TextFileSet;
import dev.spillway.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CSV files (a path or a glob) as a table. Construction lists the files and sniffs the layout from the start of
 * the first one (at most {@link CsvSniffer#MAX_SAMPLE_BYTES}); every other file is assumed to share it and is
 * checked row by row as it is read. Planning splits large files into byte ranges and groups small ones (see
 * {@link ByteRangePlanner}); reading is done by {@link CsvBatchReader}.
 */
public final class CsvSource implements TableSource {
    private final TextFileSet files;
    private final CsvOptions options;
    private final CsvLayout layout;

    /** A source over {@code pathOrGlob} with the given options. */
    public CsvSource(String pathOrGlob, CsvOptions options) {
        requireNonNull(pathOrGlob, "pathOrGlob is null");
        this.options = requireNonNull(options, "options is null");
        this.files = TextFileSet.expand(pathOrGlob);
        this.layout = CsvSniffer.sniff(files.first(), files.sizes().getFirst(), options);
    }

    /** A source with everything detected. */
    public static CsvSource of(String pathOrGlob) {
        return new CsvSource(pathOrGlob, CsvOptions.defaults());
    }

    /** A source with options given as {@code read_csv}'s named arguments (see {@link CsvOptions#fromMap}). */
    public static CsvSource of(String pathOrGlob, Map<String, ?> options) {
        return new CsvSource(pathOrGlob, CsvOptions.fromMap(requireNonNull(options, "options is null")));
    }

    public CsvLayout layout() {
        return layout;
    }

    public CsvOptions options() {
        return options;
    }

    @Override
    public String describe() {
        return "csv " + files.describe() + " (" + layout.dialect().describe() + ")";
    }

    @Override
    public Schema schema() {
        return layout.schema();
    }

    @Override
    public long estimatedRows() {
        return (long) Math.ceil(files.totalBytes() / layout.averageRowBytes());
    }

    @Override
    public long estimatedBytes() {
        return files.totalBytes();
    }

    @Override
    public List<ScanTask> plan(ScanSpec spec) {
        requireNonNull(spec, "spec is null");
        List<Integer> projection = spec.projection();
        for (int column : projection) {
            if (column < 0 || column >= layout.schema().size()) {
                throw new IllegalArgumentException("projection index " + column + " outside the " + layout.schema().size() + " columns");
            }
        }
        List<ScanTask> tasks = new ArrayList<>();
        for (List<FileRange> ranges : ByteRangePlanner.plan(files, spec.targetTaskBytes(), options.parallel())) {
            tasks.add(new RangeScanTask("csv", ranges, (range, context) -> new CsvBatchReader(range, layout, options, projection, context)));
        }
        return tasks;
    }
}
