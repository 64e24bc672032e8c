package dev.spillway.api.output;

import dev.spillway.data.Batch;
import dev.spillway.data.ValueFormatter;
import dev.spillway.data.Values;
import dev.spillway.types.Schema;
import dev.spillway.types.TypeId;
import java.io.IOException;

/**
 * CSV per RFC 4180: a header line; fields containing the delimiter (a comma by default), a quote, CR or LF are quoted with inner
 * quotes doubled; NULL is an empty unquoted field and the empty string is {@code ""}; booleans
 * {@code true}/{@code false}; dates, timestamps and doubles as {@link ValueFormatter} prints them.
 * Lines end with LF.
 */
public final class CsvResultWriter implements ResultWriter {
    private final Appendable out;
    private final char delimiter;
    private final boolean header;
    private Schema schema;

    /** Comma-separated, with a header line. */
    public CsvResultWriter(Appendable out) {
        this(out, ',', true);
    }

    public CsvResultWriter(Appendable out, char delimiter, boolean header) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the CSV delimiter cannot be a quote or a line break");
        }
        this.out = out;
        this.delimiter = delimiter;
        this.header = header;
    }

    @Override
    public void start(Schema schema) throws IOException {
        this.schema = schema;
        if (!header) {
            return;
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < schema.size(); c++) {
            if (c > 0) {
                line.append(delimiter);
            }
            appendField(line, schema.field(c).name(), delimiter);
        }
        out.append(line).append('\n');
    }

    @Override
    public void write(Batch batch) throws IOException {
        StringBuilder line = new StringBuilder(256);
        for (int r = 0; r < batch.rowCount(); r++) {
            line.setLength(0);
            for (int c = 0; c < schema.size(); c++) {
                if (c > 0) {
                    line.append(delimiter);
                }
                Object value = Values.get(batch.column(c), schema.type(c), r);
                if (value == null) {
                    continue;
                }
                if (schema.type(c).id() == TypeId.VARCHAR) {
                    appendField(line, (String) value, delimiter);
                } else {
                    line.append(ValueFormatter.format(value));
                }
            }
            out.append(line).append('\n');
        }
    }

    static void appendField(StringBuilder line, String value, char delimiter) {
        boolean quote = value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char ch = value.charAt(i);
            quote = ch == delimiter || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                line.append('"');
            }
            line.append(ch);
        }
        line.append('"');
    }

    @Override
    public void finish() {}
}
