package dev.spillway.cli;

import dev.spillway.api.BatchStream;
import dev.spillway.api.DataFrame;
import dev.spillway.api.output.OutputFormat;
import dev.spillway.api.output.ResultWriter;
import dev.spillway.data.Batch;
import dev.spillway.data.Values;
import dev.spillway.types.Schema;
import java.io.IOException;
import java.io.Writer;

/**
 * Runs a query and streams its result to stdout in the chosen format, one batch at a time: memory stays
 * bounded by a batch plus the output buffer, whatever the result's size (the table format keeps its first
 * rows and counts the rest). Output is flushed after each result, so a shell user sees it at once.
 */
final class ResultPrinter {
    private final Writer out;
    private OutputFormat format;

    ResultPrinter(Writer out, OutputFormat format) {
        this.out = out;
        this.format = format;
    }

    OutputFormat format() {
        return format;
    }

    void setFormat(OutputFormat format) {
        this.format = format;
    }

    /**
     * @param planText the result is an {@code EXPLAIN} plan: in table format it is printed as plain lines, since
     *                 a boxed table would cut its long lines and hide all but its first rows
     */
    void print(DataFrame frame, boolean planText) {
        print(frame, planText, () -> {});
    }

    /** @param beforeOutput runs once the first batch (or the end) has arrived, before anything is written */
    void print(DataFrame frame, boolean planText, Runnable beforeOutput) {
        try (BatchStream stream = frame.stream()) {
            ResultWriter writer = planText && format == OutputFormat.TABLE ? new PlainLinesWriter(out) : ResultWriter.create(format, out);
            stream.hasNext();
            beforeOutput.run();
            writer.start(stream.schema());
            while (stream.hasNext()) {
                try (Batch batch = stream.next()) {
                    writer.write(batch);
                }
            }
            writer.finish();
            out.flush();
        } catch (IOException e) {
            throw new OutputException(e);
        }
    }

    /** Text that is not a query result (dot commands' answers); goes to stdout like results. */
    void printText(String text) {
        try {
            out.write(text);
            out.flush();
        } catch (IOException e) {
            throw new OutputException(e);
        }
    }

    /** Flushes what is buffered, e.g. before an error message goes to stderr, so the two come in order. */
    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new OutputException(e);
        }
    }

    /** The first column of each row as one line of text. */
    private static final class PlainLinesWriter implements ResultWriter {
        private final Writer out;
        private Schema schema;

        PlainLinesWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void start(Schema schema) {
            this.schema = schema;
        }

        @Override
        public void write(Batch batch) throws IOException {
            for (int row = 0; row < batch.rowCount(); row++) {
                Object value = Values.get(batch.column(0), schema.type(0), row);
                out.write(value == null ? "" : value.toString());
                out.write('\n');
            }
        }

        @Override
        public void finish() {}
    }
}
