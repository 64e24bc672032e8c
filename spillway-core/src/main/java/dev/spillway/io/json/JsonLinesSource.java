package dev.spillway.io.json;

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
 * JSON files (a path or a glob) as a table: newline-delimited objects (JSON Lines), one top-level array of
 * objects, or objects one after another over several lines. Construction lists the files and infers the columns
 * from the start of the first one ({@link JsonSniffer}); newline-delimited files are split into byte ranges and
 * small files grouped ({@link ByteRangePlanner}); reading is done by {@link JsonBatchReader}.
 */
public final class JsonLinesSource implements TableSource {
    private final TextFileSet files;
    private final JsonLayout layout;

    public JsonLinesSource(String pathOrGlob, JsonOptions options) {
        requireNonNull(pathOrGlob, "pathOrGlob is null");
        requireNonNull(options, "options is null");
        this.files = TextFileSet.expand(pathOrGlob);
        this.layout = JsonSniffer.sniff(files.first(), files.sizes().getFirst(), options);
    }

    /** A source with the format and columns inferred. */
    public static JsonLinesSource of(String pathOrGlob) {
        return new JsonLinesSource(pathOrGlob, JsonOptions.defaults());
    }

    /** A source with options given as {@code read_json}'s named arguments (see {@link JsonOptions#fromMap}). */
    public static JsonLinesSource of(String pathOrGlob, Map<String, ?> options) {
        return new JsonLinesSource(pathOrGlob, JsonOptions.fromMap(requireNonNull(options, "options is null")));
    }

    public JsonLayout layout() {
        return layout;
    }

    @Override
    public String describe() {
        return "json " + files.describe() + " (" + layout.format().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    @Override
    public Schema schema() {
        return layout.schema();
    }

    @Override
    public long estimatedRows() {
        return (long) Math.ceil(files.totalBytes() / layout.averageValueBytes());
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
            if (column < 0 || column >= layout.columns().size()) {
                throw new IllegalArgumentException("projection index " + column + " outside the " + layout.columns().size() + " columns");
            }
        }
        boolean splittable = layout.format() == JsonFormat.NEWLINE_DELIMITED;
        List<ScanTask> tasks = new ArrayList<>();
        for (List<FileRange> ranges : ByteRangePlanner.plan(files, spec.targetTaskBytes(), splittable)) {
            tasks.add(new RangeScanTask("json", ranges, (range, context) -> new JsonBatchReader(range, layout, projection, context)));
        }
        return tasks;
    }
}
