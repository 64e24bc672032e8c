package dev.spillway.io.csv;

import static java.util.Objects.requireNonNull;

import dev.spillway.types.Schema;
import java.util.List;

/**
 * What sniffing (or the user) decided about a set of CSV files: the dialect and the schema, which column types
 * were detected rather than given (errors then suggest {@code types} or {@code sample_size}), and the average row
 * size seen in the sample, for row estimates. All files of a source share one layout.
 */
public record CsvLayout(CsvDialect dialect, Schema schema, List<Boolean> detectedTypes, double averageRowBytes) {
    public CsvLayout {
        requireNonNull(dialect, "dialect is null");
        requireNonNull(schema, "schema is null");
        detectedTypes = List.copyOf(requireNonNull(detectedTypes, "detectedTypes is null"));
        if (schema.size() != dialect.columnCount() || detectedTypes.size() != schema.size()) {
            throw new IllegalArgumentException("schema has " + schema.size() + " columns, dialect " + dialect.columnCount());
        }
    }

    public boolean typeDetected(int column) {
        return detectedTypes.get(column);
    }
}
