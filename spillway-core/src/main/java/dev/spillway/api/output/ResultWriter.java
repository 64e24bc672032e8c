package dev.spillway.api.output;

import dev.spillway.data.Batch;
import dev.spillway.types.Schema;
import java.io.IOException;

/** Writes a query result as it streams in, batch by batch, with bounded memory. */
public interface ResultWriter {
    void start(Schema schema) throws IOException;

    void write(Batch batch) throws IOException;

    void finish() throws IOException;

    /** A writer for the format, printing to {@code out}. */
    static ResultWriter create(OutputFormat format, Appendable out) {
        return switch (format) {
            case CSV -> new CsvResultWriter(out);
            case JSON -> new JsonResultWriter(out);
            case TABLE -> new TableResultWriter(out, 40);
        };
    }
}
